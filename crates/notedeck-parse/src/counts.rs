//! How a count's attribute and its lead word are read where two statements of it are
//! compared: the checker's `conflicting-claim` and the card rules holding a card it reports
//! read them alike (`구성요소 수` is `구성요소`, `총 3개` is `3개`). Their comparisons of the
//! numbers themselves still differ: the checker takes a number rounded to fewer decimals as
//! the same (`4.1`, `4.09`), the card rules do not.

/// A count's attribute as what it counts: `노드 수` and `노드 2,708개`'s `노드` are one
/// attribute, a table's column and a bullet's measure.
pub fn counted(attribute: &str) -> &str {
    let a = attribute.trim();
    a.strip_suffix(" 개수")
        .or_else(|| a.strip_suffix(" 수"))
        .filter(|rest| !rest.trim().is_empty())
        .unwrap_or(a)
}

/// A value without the word before its number that only says "in all" or "about": `총 3개`
/// and `약 3개` count what `3개` counts.
pub fn without_count_lead(value: &str) -> &str {
    let v = value.trim_start();
    ["총", "약"]
        .iter()
        .find_map(|w| {
            v.strip_prefix(w)
                .map(str::trim_start)
                .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_alike() {
        assert_eq!(counted("구성요소 수"), "구성요소");
        assert_eq!(counted("노드 개수"), "노드");
        assert_eq!(counted(" 수"), "수");
        assert_eq!(without_count_lead("총 3개"), "3개");
        assert_eq!(without_count_lead("약3개"), "3개");
        assert_eq!(without_count_lead("총괄 3개"), "총괄 3개");
    }
}
