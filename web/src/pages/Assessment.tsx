export default function Assessment() { return <div>Assessment</div>; }
