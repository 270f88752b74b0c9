//! Where the sealed snapshots live: one table, the same queries on SQLite
//! and PostgreSQL (sqlx's `Any` driver with runtime queries).
//!
//! A row holds the sync id, the version, the SHA-256 of the write token,
//! the sealed bytes and two times. Nothing else: the server cannot read a
//! snapshot, and no address or other trace of who wrote it is kept.

use sqlx::{AnyPool, Row, any::AnyPoolOptions};
use std::future::Future;
use thiserror::Error;

/// A snapshot as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Starts at 1; each write adds 1.
    pub version: u64,
    /// The sealed bytes, as the device sent them.
    pub blob: Vec<u8>,
}

/// How a write went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// There was none: this is version 1.
    Created,
    /// Replaced; this is the new version.
    Replaced(u64),
    /// Someone wrote first: the stored version is not the one expected.
    Conflict {
        /// The version stored now (0: none).
        current: u64,
    },
    /// The write token does not match the one the snapshot was created with.
    WrongToken,
}

/// How a delete went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    /// Gone.
    Deleted,
    /// There was none.
    NotFound,
    /// The write token does not match.
    WrongToken,
}

/// The store failed (not the request).
#[derive(Debug, Error)]
#[error("sync store: {0}")]
pub struct StoreError(String);

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError(e.to_string())
    }
}

/// What the sync API needs from a store: one trait, so the API's rules are
/// the same whatever engine is behind it.
pub trait SyncStore: Send + Sync {
    /// The snapshot of `id`, if any.
    fn get(&self, id: &str) -> impl Future<Output = Result<Option<Stored>, StoreError>> + Send;
    /// Writes version `expected + 1` of `id` (`expected` 0: creates it),
    /// if the stored version is `expected` and the token matches.
    fn put(
        &self,
        id: &str,
        token_hash: &str,
        expected: u64,
        blob: &[u8],
        now_ms: u64,
    ) -> impl Future<Output = Result<Written, StoreError>> + Send;
    /// Deletes `id` if the token matches.
    fn delete(
        &self,
        id: &str,
        token_hash: &str,
    ) -> impl Future<Output = Result<Deleted, StoreError>> + Send;
    /// Deletes every snapshot not written since `before_ms`; returns how many.
    fn expire(&self, before_ms: u64) -> impl Future<Output = Result<u64, StoreError>> + Send;
}

/// Which engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// A file, created on first use.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// The store on SQLite or PostgreSQL.
#[derive(Debug, Clone)]
pub struct SqlStore {
    pool: AnyPool,
    /// Which engine.
    pub engine: Engine,
}

/// Compares two token hashes in time that does not depend on where they
/// differ.
fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl SqlStore {
    /// Opens `spec`: `postgres://…` (or `postgresql://…`), otherwise the path
    /// of a SQLite file, created with its table on first use.
    pub async fn open(spec: &str) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let (url, engine) = if spec.starts_with("postgres://") || spec.starts_with("postgresql://")
        {
            (spec.to_owned(), Engine::Postgres)
        } else {
            (format!("sqlite://{spec}?mode=rwc"), Engine::Sqlite)
        };
        let pool = AnyPoolOptions::new()
            // SQLite writes one at a time anyway; a few readers beside it.
            .max_connections(if engine == Engine::Sqlite { 4 } else { 16 })
            .connect(&url)
            .await?;
        if engine == Engine::Sqlite {
            // Readers do not wait for the writer; a write waits up to 5 s
            // for another, rather than failing.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
            sqlx::query("PRAGMA busy_timeout = 5000")
                .execute(&pool)
                .await?;
        }
        let blob = match engine {
            Engine::Sqlite => "BLOB",
            Engine::Postgres => "BYTEA",
        };
        sqlx::query(&format!(
            "CREATE TABLE IF NOT EXISTS sync_snapshots (
                id TEXT PRIMARY KEY,
                version BIGINT NOT NULL,
                token_hash TEXT NOT NULL,
                blob {blob} NOT NULL,
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL
            )"
        ))
        .execute(&pool)
        .await?;
        sqlx::query(
            "CREATE INDEX IF NOT EXISTS sync_snapshots_updated ON sync_snapshots (updated_ms)",
        )
        .execute(&pool)
        .await?;
        Ok(Self { pool, engine })
    }

    async fn token_of(&self, id: &str) -> Result<Option<(u64, String)>, StoreError> {
        let row = sqlx::query("SELECT version, token_hash FROM sync_snapshots WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| (r.get::<i64, _>(0) as u64, r.get::<String, _>(1))))
    }
}

impl SyncStore for SqlStore {
    async fn get(&self, id: &str) -> Result<Option<Stored>, StoreError> {
        let row = sqlx::query("SELECT version, blob FROM sync_snapshots WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| Stored {
            version: r.get::<i64, _>(0) as u64,
            blob: r.get::<Vec<u8>, _>(1),
        }))
    }

    async fn put(
        &self,
        id: &str,
        token_hash: &str,
        expected: u64,
        blob: &[u8],
        now_ms: u64,
    ) -> Result<Written, StoreError> {
        let now = now_ms as i64;
        if expected == 0 {
            let created = sqlx::query(
                "INSERT INTO sync_snapshots (id, version, token_hash, blob, created_ms, updated_ms)
                 VALUES ($1, 1, $2, $3, $4, $4) ON CONFLICT (id) DO NOTHING",
            )
            .bind(id)
            .bind(token_hash)
            .bind(blob.to_vec())
            .bind(now)
            .execute(&self.pool)
            .await?;
            if created.rows_affected() == 1 {
                return Ok(Written::Created);
            }
        }
        // The token is checked here, in constant time, before the write;
        // the write itself only happens if version and token still hold.
        let Some((current, stored_hash)) = self.token_of(id).await? else {
            return Ok(Written::Conflict { current: 0 });
        };
        if !same_token(&stored_hash, token_hash) {
            return Ok(Written::WrongToken);
        }
        if current != expected {
            return Ok(Written::Conflict { current });
        }
        let next = expected + 1;
        let replaced = sqlx::query(
            "UPDATE sync_snapshots SET version = $1, blob = $2, updated_ms = $3
             WHERE id = $4 AND version = $5 AND token_hash = $6",
        )
        .bind(next as i64)
        .bind(blob.to_vec())
        .bind(now)
        .bind(id)
        .bind(expected as i64)
        .bind(token_hash)
        .execute(&self.pool)
        .await?;
        if replaced.rows_affected() == 1 {
            Ok(Written::Replaced(next))
        } else {
            // Another write won between the check and this one.
            let current = self.token_of(id).await?.map_or(0, |(v, _)| v);
            Ok(Written::Conflict { current })
        }
    }

    async fn delete(&self, id: &str, token_hash: &str) -> Result<Deleted, StoreError> {
        let Some((_, stored_hash)) = self.token_of(id).await? else {
            return Ok(Deleted::NotFound);
        };
        if !same_token(&stored_hash, token_hash) {
            return Ok(Deleted::WrongToken);
        }
        sqlx::query("DELETE FROM sync_snapshots WHERE id = $1 AND token_hash = $2")
            .bind(id)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(Deleted::Deleted)
    }

    async fn expire(&self, before_ms: u64) -> Result<u64, StoreError> {
        let gone = sqlx::query("DELETE FROM sync_snapshots WHERE updated_ms < $1")
            .bind(before_ms as i64)
            .execute(&self.pool)
            .await?;
        Ok(gone.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::same_token;

    #[test]
    fn tokens_compare_whole() {
        assert!(same_token("abcd", "abcd"));
        assert!(!same_token("abcd", "abce"));
        assert!(!same_token("abcd", "abc"));
        assert!(!same_token("", "a"));
    }
}
