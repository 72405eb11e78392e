export default function Indicators() { return <div>Indicators</div>; }
