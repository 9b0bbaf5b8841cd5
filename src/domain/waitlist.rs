//! キャンセル待ち: who is offered a freed slot, and a person's place in line.
//! First come, first served: the order is the order of joining.

/// Someone waiting, as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub entry_id: i64,
    /// `None`: waiting for the next evening with a free slot.
    pub session_id: Option<i64>,
    pub email: String,
    pub phone_digits: String,
}

/// A person who already holds a booking (or an offer) at the evening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub email: String,
    pub phone_digits: String,
}

impl Contact {
    fn is(&self, c: &Candidate) -> bool {
        (!self.email.is_empty() && self.email == c.email) || self.phone_digits == c.phone_digits
    }
}

/// Who gets the offer of a slot freed at evening `session_id`: the earliest
/// to join among those waiting for that evening or for the next free one,
/// passing over anyone who already has a booking there for that profession.
/// `candidates` are those waiting for the slot's profession, in any order.
pub fn choose_offer(session_id: i64, candidates: &[Candidate], booked: &[Contact]) -> Option<i64> {
    candidates
        .iter()
        .filter(|c| c.session_id.is_none_or(|s| s == session_id))
        .filter(|c| !booked.iter().any(|b| b.is(c)))
        .min_by_key(|c| c.entry_id)
        .map(|c| c.entry_id)
}

/// A place in line (1 = next): those waiting for the same profession who
/// joined earlier and want what this entry wants. Someone waiting for one
/// evening is behind earlier people waiting for that evening or for any
/// evening; someone waiting for any evening, behind earlier people waiting
/// for any evening.
pub fn position(me: &Candidate, waiting: &[Candidate]) -> usize {
    1 + waiting
        .iter()
        .filter(|c| c.entry_id < me.entry_id)
        .filter(|c| match me.session_id {
            Some(s) => c.session_id.is_none_or(|x| x == s),
            None => c.session_id.is_none(),
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, session: Option<i64>, who: &str) -> Candidate {
        Candidate {
            entry_id: id,
            session_id: session,
            email: format!("{who}@example.jp"),
            phone_digits: format!("090{id:08}"),
        }
    }

    #[test]
    fn first_come_first_served_across_specific_and_next() {
        let waiting = [
            c(5, Some(1), "e"),
            c(3, None, "c"),
            c(4, Some(2), "d"),
            c(7, Some(1), "g"),
        ];
        assert_eq!(
            choose_offer(1, &waiting, &[]),
            Some(3),
            "the earliest, waiting for any evening"
        );
        assert_eq!(choose_offer(2, &waiting, &[]), Some(3));
        assert_eq!(
            choose_offer(9, &[c(5, Some(1), "e")], &[]),
            None,
            "nobody waits for evening 9"
        );
        assert_eq!(choose_offer(1, &[], &[]), None);
    }

    #[test]
    fn someone_already_booked_that_evening_is_passed_over() {
        let waiting = [c(3, None, "c"), c(5, Some(1), "e")];
        let booked = [Contact {
            email: "c@example.jp".into(),
            phone_digits: "x".into(),
        }];
        assert_eq!(choose_offer(1, &waiting, &booked), Some(5));
        let by_phone = [Contact {
            email: String::new(),
            phone_digits: "09000000005".into(),
        }];
        assert_eq!(choose_offer(1, &waiting, &by_phone), Some(3));
        let both = [booked[0].clone(), by_phone[0].clone()];
        assert_eq!(choose_offer(1, &waiting, &both), None);
    }

    #[test]
    fn positions_count_those_ahead_for_the_same_thing() {
        let waiting = [
            c(1, Some(1), "a"),
            c(2, None, "b"),
            c(3, Some(2), "c"),
            c(4, Some(1), "d"),
            c(5, None, "e"),
        ];
        assert_eq!(position(&waiting[0], &waiting), 1);
        assert_eq!(
            position(&waiting[3], &waiting),
            3,
            "behind 1 (same evening) and 2 (any evening)"
        );
        assert_eq!(position(&waiting[2], &waiting), 2, "behind 2 only");
        assert_eq!(
            position(&waiting[4], &waiting),
            2,
            "any evening: behind 2 only"
        );
    }
}
