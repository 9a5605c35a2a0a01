-- The date by which the committee is asked for its third-party assessment (第三者評価) of a CLOSED round, when the
-- city asks for one for the round's kind; null once given, published without it, or never asked.
alter table evaluation_round add column third_party_due_on date;
