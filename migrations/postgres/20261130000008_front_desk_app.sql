-- What the app reads for the front desk to sign in and use the client list:
-- the plugins the clinic approved (the atlas is built at sign-in), their own
-- student profile row (none is a student: it reads as off), and when each
-- client last came, which a front desk books by. Still no note, finding or
-- health history: sessions give their dates only.
GRANT SELECT ON plugins, student_profile TO myochart_front_desk;
GRANT SELECT (id, client_id, session_date, deleted_at) ON sessions TO myochart_front_desk;
