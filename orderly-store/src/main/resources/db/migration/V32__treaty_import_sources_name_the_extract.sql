-- Issue 24 (registry truth, second pass). Participations imported from a UN Treaty Collection status extract name the
-- intermediary whose extract was read (TreatyStatusImporter writes this title from now on); rows imported before say so too.
update participation
set source_title = regexp_replace(source_title, '^UN Treaty Collection status of ([A-Z0-9_]+) \((.*)\)$',
        'UN Treaty Collection status of \1, as extracted by world-politics-datalab/humanrights-treaties-ratification-status (\2, extract of '
        || case when extract(day from as_of) = 1 then to_char(as_of, 'YYYY-MM') else to_char(as_of, 'YYYY-MM-DD') end || ')')
where origin = 'import:treaty-status' and source_title ~ '^UN Treaty Collection status of [A-Z0-9_]+ \(.*\)$';
