-- 荣誉/表彰: honours a region — or one of its departments, units or places — received in a year,
-- recorded by its office; the year's 工作纪实 names them (in the sector's section, or in the
-- opening when the honour is the region's own).
create table honour (
  id uuid primary key,
  region_code text not null references region(code),
  year integer not null check (year between 1949 and 2200),
  title text not null check (length(title) between 2 and 200),       -- 荣誉名称: 全国信访工作示范县区
  level text not null check (level in ('national', 'provincial', 'city', 'county')),
  recipient text check (recipient is null or length(recipient) between 1 and 100),  -- 获评对象 when not the region: 解州派出所
  sector text check (sector is null or length(sector) between 1 and 50),            -- 领域 whose section names it
  awarded_by text check (awarded_by is null or length(awarded_by) between 1 and 100), -- 授予单位
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index honour_region_year on honour (region_code, year);
