//! 相談先の一覧: finding services for a trouble, and keeping the
//! directory (staff). The directory is held in memory by the store
//! ([`Store::directory_now`](crate::store::Store::directory_now)).

pub mod seed;
