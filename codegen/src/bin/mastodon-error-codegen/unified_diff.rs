//! A line-based unified diff (Myers' algorithm), for `check`'s report.

const CONTEXT: usize = 3;
/// Past this many differing lines the edit search would cost more than it
/// tells a reader; the diff falls back to replacing the differing middle.
const MAX_EDIT_DISTANCE: usize = 4000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    Keep,
    Delete,
    Insert,
}

/// Renders `old` → `new` as a unified diff with three lines of context.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let ops = edit_script(&old_lines, &new_lines);
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    for hunk in hunks(&ops) {
        let (mut old_at, mut new_at) = positions(&ops, hunk.0);
        let old_start = old_at;
        let new_start = new_at;
        let mut body = String::new();
        for op in &ops[hunk.0..hunk.1] {
            match op {
                Op::Keep => {
                    body.push_str(&format!(" {}\n", old_lines[old_at]));
                    old_at += 1;
                    new_at += 1;
                }
                Op::Delete => {
                    body.push_str(&format!("-{}\n", old_lines[old_at]));
                    old_at += 1;
                }
                Op::Insert => {
                    body.push_str(&format!("+{}\n", new_lines[new_at]));
                    new_at += 1;
                }
            }
        }
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n{body}",
            old_start + 1,
            old_at - old_start,
            new_start + 1,
            new_at - new_start
        ));
    }
    out
}

fn positions(ops: &[Op], upto: usize) -> (usize, usize) {
    ops[..upto].iter().fold((0, 0), |(old, new), op| match op {
        Op::Keep => (old + 1, new + 1),
        Op::Delete => (old + 1, new),
        Op::Insert => (old, new + 1),
    })
}

/// Ranges of `ops` to print: each change with its context, merged when close.
fn hunks(ops: &[Op]) -> Vec<(usize, usize)> {
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for (index, op) in ops.iter().enumerate() {
        if *op == Op::Keep {
            continue;
        }
        let start = index.saturating_sub(CONTEXT);
        let end = (index + 1 + CONTEXT).min(ops.len());
        match hunks.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => hunks.push((start, end)),
        }
    }
    hunks
}

fn edit_script(old: &[&str], new: &[&str]) -> Vec<Op> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = &old[prefix..old.len() - suffix];
    let new_mid = &new[prefix..new.len() - suffix];
    let middle = myers(old_mid, new_mid).unwrap_or_else(|| {
        let mut ops = vec![Op::Delete; old_mid.len()];
        ops.extend(vec![Op::Insert; new_mid.len()]);
        ops
    });
    let mut ops = vec![Op::Keep; prefix];
    ops.extend(middle);
    ops.extend(vec![Op::Keep; suffix]);
    ops
}

/// The shortest edit script, or `None` when it is longer than `MAX_EDIT_DISTANCE`.
fn myers(old: &[&str], new: &[&str]) -> Option<Vec<Op>> {
    let (n, m) = (old.len() as isize, new.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    for d in 0..=(max.min(MAX_EDIT_DISTANCE) as isize) {
        trace.push(v.clone());
        for k in (-d..=d).step_by(2) {
            let index = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[index - 1] < v[index + 1]) {
                v[index + 1]
            } else {
                v[index - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && old[x as usize] == new[y as usize] {
                x += 1;
                y += 1;
            }
            v[index] = x;
            if x >= n && y >= m {
                return Some(backtrack(&trace, old.len(), new.len(), offset));
            }
        }
    }
    None
}

fn backtrack(trace: &[Vec<isize>], n: usize, m: usize, offset: isize) -> Vec<Op> {
    let (mut x, mut y) = (n as isize, m as isize);
    let mut ops = Vec::new();
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let k = x - y;
        let prev_k =
            if k == -d || (k != d && v[(k - 1 + offset) as usize] < v[(k + 1 + offset) as usize]) {
                k + 1
            } else {
                k - 1
            };
        let prev_x = v[(prev_k + offset) as usize];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            ops.push(Op::Keep);
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            ops.push(if x == prev_x { Op::Insert } else { Op::Delete });
        }
        x = prev_x;
        y = prev_y;
    }
    ops.reverse();
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_lines_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\n";
        let diff = unified_diff(old, new, "old", "new");
        assert_eq!(
            diff,
            "--- old\n+++ new\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
        );
    }

    #[test]
    fn identical_inputs_have_no_hunks() {
        assert_eq!(unified_diff("a\n", "a\n", "x", "y"), "--- x\n+++ y\n");
    }

    #[test]
    fn insertions_and_deletions_line_up() {
        let diff = unified_diff("a\nb\nc\n", "a\nc\nd\n", "x", "y");
        assert_eq!(diff, "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n c\n+d\n");
    }
}
