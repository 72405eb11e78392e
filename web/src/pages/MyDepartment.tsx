export default function MyDepartment() { return <div>MyDepartment</div>; }
