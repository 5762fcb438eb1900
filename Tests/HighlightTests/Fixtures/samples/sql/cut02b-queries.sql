WITH recent AS (
    SELECT user_id, MAX(created_at) AS last_seen
    FROM events
    WHERE created_at > NOW() - INTERVAL '30 days'
    GROUP BY user_id
)
SELECT u.id, u.email, r.last_seen,
       CASE WHEN r.last_seen IS NULL THEN 'inactive' E