//! Merging sorted id lists: shared contacts, shared interests.

/// The values in both ascending lists, in order, without allocating.
pub fn intersection<'a>(x: &'a [u32], y: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(x[i - 1]);
                }
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn intersects_in_order() {
        let got: Vec<u32> = super::intersection(&[1, 3, 5, 7, 9], &[0, 3, 4, 9, 10]).collect();
        assert_eq!(got, [3, 9]);
        assert_eq!(super::intersection(&[], &[1]).count(), 0);
    }
}
