-- One database per service: no service reads another's tables.
create database kyodo_directory;
create database kyodo_proposals;
create database kyodo_agreements;
create database kyodo_evaluations;
create database kyodo_notifications;
