-- Due dates of the steps a proposal waits for: the department's reply to a submission (協議の開始または相談終了) and
-- the committee's scores (審査期限).
alter table proposal add column reply_due_on date;
alter table screening add column scores_due_on date;
