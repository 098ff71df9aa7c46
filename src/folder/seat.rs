//! This PC's seat in the department's folder (issue 25, points 1–3): what a
//! PC keeps between sessions to take part. It holds the department secret,
//! so it is only ever stored sealed with the local lock's key (the app
//! keeps it under `cup-pathway.folder`, never in the clear); turning the
//! lock off or *Slet alle data* drops it. Pure: serde only.

use super::format::{self, WriteMark};
use super::round::Device;
use super::secret::{CryptoError, Random, Secret};
use super::Membership;
use crate::share::{base64url, from_base64url};
use serde::{Deserialize, Serialize};

/// The seat's own format version (inside the sealed box).
pub const SEAT_VERSION: u32 = 1;

/// What a PC keeps (sealed) to take part in the folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub v: u32,
    /// The department secret, canonical (24 characters).
    pub secret: String,
    pub folder: String,
    pub epoch: u64,
    /// The epoch's salt, base64url.
    pub salt: String,
    pub device: String,
    /// This store's session id, written in every mark.
    pub session: String,
    pub seq: u64,
    /// The marks this store wrote (the last few).
    #[serde(default)]
    pub marks: Vec<WriteMark>,
    /// The folder's name as the browser shows it (for the panel only).
    #[serde(default)]
    pub folder_name: String,
}

/// Why a stored seat was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeatError {
    /// Not a seat of this version, or damaged.
    Unreadable,
}

fn random_id(random: &mut dyn Random) -> Result<String, CryptoError> {
    let mut id = [0u8; format::ID_BYTES];
    random.fill(&mut id)?;
    Ok(format::id_text(&id))
}

impl Seat {
    /// A new department: a new secret, folder id, salt, device and session.
    pub fn found(random: &mut dyn Random, folder_name: &str) -> Result<(Seat, Secret), CryptoError> {
        let secret = Secret::generate(random)?;
        let mut salt = [0u8; format::SALT_BYTES];
        random.fill(&mut salt)?;
        let seat = Seat {
            v: SEAT_VERSION,
            secret: secret.kdf_text(),
            folder: random_id(random)?,
            epoch: 0,
            salt: base64url(&salt),
            device: random_id(random)?,
            session: random_id(random)?,
            seq: 0,
            marks: vec![],
            folder_name: folder_name.to_owned(),
        };
        Ok((seat, secret))
    }

    /// Joining a department whose file header gave folder, epoch and salt:
    /// a new device and session of our own.
    pub fn join(
        random: &mut dyn Random,
        secret: &Secret,
        folder: &str,
        epoch: u64,
        salt: &[u8],
        folder_name: &str,
    ) -> Result<Seat, CryptoError> {
        Ok(Seat {
            v: SEAT_VERSION,
            secret: secret.kdf_text(),
            folder: folder.to_owned(),
            epoch,
            salt: base64url(salt),
            device: random_id(random)?,
            session: random_id(random)?,
            seq: 0,
            marks: vec![],
            folder_name: folder_name.to_owned(),
        })
    }

    /// The seat in the next epoch after a rotation: a new secret and salt,
    /// a new device id (the old file keeps the move record); same folder.
    pub fn rotate(&self, random: &mut dyn Random) -> Result<(Seat, Secret), CryptoError> {
        let (fresh, secret) = Seat::found(random, &self.folder_name)?;
        let epoch = self.epoch.checked_add(1).ok_or(CryptoError::Unavailable("epoch".into()))?;
        Ok((Seat { folder: self.folder.clone(), epoch, ..fresh }, secret))
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored seat; anything else (another version, a secret failing its
    /// check, a salt or id of the wrong length) is refused.
    pub fn decode(text: &str) -> Result<Seat, SeatError> {
        let seat: Seat = serde_json::from_str(text).map_err(|_| SeatError::Unreadable)?;
        let salt_ok = from_base64url(&seat.salt).is_some_and(|s| s.len() == format::SALT_BYTES);
        if seat.v != SEAT_VERSION || Secret::parse(&seat.secret).is_err() || !salt_ok || seat.device.is_empty() {
            return Err(SeatError::Unreadable);
        }
        Ok(seat)
    }

    pub fn secret(&self) -> Option<Secret> {
        Secret::parse(&self.secret).ok()
    }

    pub fn salt_bytes(&self) -> Vec<u8> {
        from_base64url(&self.salt).unwrap_or_default()
    }

    /// The round's device, with the key derived this session.
    pub fn device<K>(&self, key: K) -> Device<K> {
        let m = Membership { folder: self.folder.clone(), epoch: self.epoch, device: self.device.clone() };
        Device { seq: self.seq, known_marks: self.marks.clone(), ..Device::new(m, self.salt_bytes(), key, self.session.clone()) }
    }

    /// What a round changed of the seat (device id, write count, marks).
    /// Returns whether anything changed (then the seat is stored again).
    pub fn follow<K>(&mut self, dev: &Device<K>) -> bool {
        let before = self.clone();
        self.device.clone_from(&dev.m.device);
        self.seq = dev.seq;
        self.marks.clone_from(&dev.known_marks);
        *self != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::sim::SeededRandom;

    #[test]
    fn a_seat_round_trips_and_a_damaged_one_is_refused() {
        let (seat, secret) = Seat::found(&mut SeededRandom::new(7), "CUP").unwrap();
        assert_eq!(seat.secret().unwrap(), secret);
        let back = Seat::decode(&seat.encode()).unwrap();
        assert_eq!(back, seat);
        let bad = seat.encode().replace(&seat.secret, "0000000000000000000000000");
        assert_eq!(Seat::decode(&bad), Err(SeatError::Unreadable));
        assert_eq!(Seat::decode("{}"), Err(SeatError::Unreadable));
    }

    #[test]
    fn a_round_that_takes_a_new_device_id_is_followed_by_the_seat() {
        let (mut seat, _) = Seat::found(&mut SeededRandom::new(8), "CUP").unwrap();
        let mut dev = seat.device(());
        assert!(!seat.follow(&dev));
        dev.m.device = "other".into();
        dev.seq = 3;
        assert!(seat.follow(&dev));
        assert_eq!((seat.device.as_str(), seat.seq), ("other", 3));
    }

    #[test]
    fn a_rotated_seat_keeps_the_folder_and_moves_up_one_epoch_with_a_new_secret_salt_and_device() {
        let (seat, secret) = Seat::found(&mut SeededRandom::new(11), "CUP").unwrap();
        let (next, new_secret) = seat.rotate(&mut SeededRandom::new(12)).unwrap();
        assert_eq!((next.folder.as_str(), next.epoch), (seat.folder.as_str(), seat.epoch + 1));
        assert_ne!(new_secret, secret);
        assert_ne!(next.salt, seat.salt);
        assert_ne!(next.device, seat.device);
    }

    #[test]
    fn two_joins_of_one_department_get_different_devices() {
        let (seat, secret) = Seat::found(&mut SeededRandom::new(9), "CUP").unwrap();
        let mut r = SeededRandom::new(10);
        let a = Seat::join(&mut r, &secret, &seat.folder, 0, &seat.salt_bytes(), "CUP").unwrap();
        let b = Seat::join(&mut r, &secret, &seat.folder, 0, &seat.salt_bytes(), "CUP").unwrap();
        assert_ne!(a.device, b.device);
        assert_eq!(a.salt, seat.salt);
    }
}
