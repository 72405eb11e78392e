export default function ImportReport() { return <div>ImportReport</div>; }
