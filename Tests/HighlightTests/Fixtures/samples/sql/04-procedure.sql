CREATE OR REPLACE FUNCTION add_points(uid INTEGER, pts INTEGER) RETURNS VOID AS $$
BEGIN
  UPDATE users SET points = points + pts WHERE id = uid;
END;
$$ LANGUAGE plpgsql;
select count(distinct email) from users where email ilike '%@EXAMPLE.com';
