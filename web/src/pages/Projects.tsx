export default function Projects() { return <div>Projects</div>; }
