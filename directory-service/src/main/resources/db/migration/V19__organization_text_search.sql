-- The text search checks each candidate's name and reading in list order (OrganizationQueries): with both in an
-- index next to the id, a common word's thousands of candidates are checked without reading the table.
create index organization_text on organization (id) include (kana_sort, name_folded);
