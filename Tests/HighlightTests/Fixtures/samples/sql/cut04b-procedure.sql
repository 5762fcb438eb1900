CREATE OR REPLACE FUNCTION add_points(uid INTEGER, pts INTEGER) RETURNS VOID AS $$
BEGIN
  UPDATE users SET points = points + pts WHERE id = uid;
END;
$$ LANGUAGE p