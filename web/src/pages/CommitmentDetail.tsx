export default function CommitmentDetail() { return <div>CommitmentDetail</div>; }
