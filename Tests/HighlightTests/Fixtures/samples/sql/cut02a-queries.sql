WITH recent AS (
    SELECT user_id, MAX(created_at) AS last_seen
    FROM events
    WHERE created_at > NOW() - INTERVAL 