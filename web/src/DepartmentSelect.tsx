/**
 * The one department picker (牵头单位, 配合单位, 填报单位 …): the region's departments by short name,
 * found by typing any part of the full or short name (财政 finds 区财政局), so every department
 * field searches alike.
 */
import { Select, type SelectProps } from 'antd';
import type { Department } from './model.ts';
import { useSession } from './session.tsx';

type Option = { value: string; label: string; search: string };

/** Whether a department matches what was typed: any part of its full or short name, spaces ignored. */
export function departmentMatches(typed: string, d: Pick<Department, 'name' | 'shortName'>): boolean {
  const q = typed.replace(/\s+/g, '').toLowerCase();
  return !q || `${d.name}\u0000${d.shortName ?? ''}`.toLowerCase().includes(q);
}

export function DepartmentSelect({ departments, ...props }: Omit<SelectProps<string | string[], Option>, 'options' | 'showSearch'> & { departments?: Department[] }) {
  const s = useSession();
  const options: Option[] = (departments ?? s.departments).map((d) => ({ value: d.id, label: d.shortName ?? d.name, search: `${d.name}\u0000${d.shortName ?? ''}` }));
  return (
    <Select<string | string[], Option>
      {...props}
      options={options}
      showSearch={{ filterOption: (typed, o) => !!o && departmentMatches(typed, { name: o.search, shortName: null }) }}
    />
  );
}
