//! One sort for the app's lists. Every `sort`/`sort_by_key` on a type of its
//! own puts a copy of the standard library's sort into the wasm (2–5 KB
//! each); here the sorting is of indices under one comparator type, so the
//! release build holds one copy, whatever is sorted.

use std::cmp::Ordering;

/// The stable order of `0..n` under `cmp`.
#[inline(never)]
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Sorts `v` stably by `key`: the order of `v.sort_by_key(key)` and of
/// `v.sort_by_cached_key(key)` (each key is computed once).
pub fn by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let idx = order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    // `idx` is a permutation: every slot is taken exactly once.
    v.extend(idx.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::by_key;

    #[test]
    fn sorts_as_the_standard_library_stably() {
        let mut seed = 7u64;
        for len in 0..60 {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std);
            let mut ours = v.clone();
            by_key(&mut ours, |x| std::cmp::Reverse(x.0));
            let mut std = v;
            std.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std);
        }
    }
}
