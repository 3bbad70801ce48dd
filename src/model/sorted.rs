//! Sorted lists of ids, compared by merging: article lists of names,
//! shingle sets of texts.

/// How many items two sorted lists of distinct items share.
pub fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both
}

#[cfg(test)]
mod tests {
    #[test]
    fn shared_counts_the_common_items() {
        assert_eq!(super::shared(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(super::shared::<u32>(&[], &[1]), 0);
    }
}
