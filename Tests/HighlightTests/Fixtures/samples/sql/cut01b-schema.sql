-- Schema
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(255) NOT NULL,
    email TEXT UNIQUE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    score DECIMAL(10, 2) DEFAULT 0.0
);
/* multi-line
   comment /* nested */ */
INSERT INTO users (name, email) VALUES ('Alice', 'alice@example.com'), ('O''Brien', "quoted\"id");
SELECT u.name, COUNT(*) AS posts
FROM users u
LEFT JOIN posts p ON p.user_id = u.id
WHERE u.score >= 10 AND u.email LI