//! The layout of a big map: each region (a cluster) is a disc whose area grows with the
//! people it holds, the discs placed by a force layout of the regions as single weighted
//! nodes (regions that know each other sit close) and then pushed apart until no two
//! overlap; the people drawn in a region get a small force layout of their own, scaled
//! into the disc. Every part is bounded by the number of drawn people and regions, not
//! the network's size, and the regions are laid out on all cores.

use rayon::prelude::*;

use super::force::relax;
use super::in_disc;
use crate::rng::SplitMix64;

/// Relaxation steps of the region layout and of each region's people.
const STEPS: usize = 300;
const MEMBER_STEPS: usize = 150;
/// Rounds that push overlapping discs apart.
const PUSH_ROUNDS: usize = 300;

/// A region's disc.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Disc {
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// What the region layout needs to know.
pub struct Regions<'a> {
    /// People per region (all of them): a disc's area follows it.
    pub sizes: &'a [usize],
    /// Each drawn person's region.
    pub region_of: &'a [usize],
    /// Relationships among the drawn people, as indices into `region_of`, with a pull.
    pub edges: &'a [(u32, u32, f64)],
    /// How strongly two regions are tied: `(a, b, relationships between them)`.
    pub links: &'a [(u32, u32, f64)],
}

/// The positions of the drawn people, the discs, and the width and height of the whole,
/// everything inside `0..width` by `0..height`; `k` is the spacing of the drawn people.
pub fn regions(input: &Regions, k: f64, seed: u64) -> (Vec<[f64; 2]>, Vec<Disc>, f64, f64) {
    let m = input.sizes.len();
    let mut drawn = vec![0usize; m];
    for &r in input.region_of {
        drawn[r] += 1;
    }
    let total: usize = input.sizes.iter().sum::<usize>().max(1);
    let all_drawn = input.region_of.len().max(1) as f64;
    // Room for the drawn people, and an area that follows the region's size.
    let radius: Vec<f64> = (0..m)
        .map(|r| {
            let share = all_drawn * input.sizes[r] as f64 / total as f64;
            k * (0.6 * share.max(drawn[r] as f64).sqrt() + 0.6)
        })
        .collect();
    let mut rng = SplitMix64::new(seed);
    let side = k * all_drawn.sqrt();
    let mut centre: Vec<[f64; 2]> = (0..m)
        .map(|_| {
            let [x, y] = in_disc(&mut rng);
            [side * x, side * y]
        })
        .collect();
    let mass: Vec<f64> = radius.iter().map(|r| (r / k).powi(2)).collect();
    let strongest = input.links.iter().map(|l| l.2).fold(0.0, f64::max);
    let links: Vec<(u32, u32, f64)> = input
        .links
        .iter()
        .map(|&(a, b, w)| (a, b, w / strongest))
        .collect();
    relax(&mut centre, &mass, &links, k, STEPS, side / 2.0);
    push_apart(&mut centre, &radius, k * 0.5);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); m];
    for (i, &r) in input.region_of.iter().enumerate() {
        members[r].push(i as u32);
    }
    let mut local = vec![0u32; input.region_of.len()];
    for list in &members {
        for (j, &i) in list.iter().enumerate() {
            local[i as usize] = j as u32;
        }
    }
    let mut inside: Vec<Vec<(u32, u32, f64)>> = vec![Vec::new(); m];
    for &(a, b, w) in input.edges {
        let r = input.region_of[a as usize];
        if r == input.region_of[b as usize] {
            inside[r].push((local[a as usize], local[b as usize], w));
        }
    }
    let placed: Vec<Vec<[f64; 2]>> = (0..m)
        .into_par_iter()
        .map(|r| {
            let seed = seed ^ (r as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            people(members[r].len(), &inside[r], k, radius[r] - 0.5 * k, seed)
        })
        .collect();
    // Everything moved so the discs start a spacing from the top left.
    let lo_x = (0..m)
        .map(|r| centre[r][0] - radius[r])
        .fold(f64::MAX, f64::min);
    let lo_y = (0..m)
        .map(|r| centre[r][1] - radius[r])
        .fold(f64::MAX, f64::min);
    let (dx, dy) = if m == 0 {
        (0.0, 0.0)
    } else {
        (k - lo_x, k - lo_y)
    };
    let discs: Vec<Disc> = (0..m)
        .map(|r| Disc {
            x: centre[r][0] + dx,
            y: centre[r][1] + dy,
            r: radius[r],
        })
        .collect();
    let mut pos = vec![[0.0, 0.0]; input.region_of.len()];
    for (r, list) in members.iter().enumerate() {
        for (&i, p) in list.iter().zip(&placed[r]) {
            pos[i as usize] = [discs[r].x + p[0], discs[r].y + p[1]];
        }
    }
    let width = discs.iter().map(|d| d.x + d.r).fold(0.0, f64::max) + k;
    let height = discs.iter().map(|d| d.y + d.r).fold(0.0, f64::max) + k;
    (pos, discs, width.max(2.0 * k), height.max(2.0 * k))
}

/// One region's people around the origin, all within `room` of it.
fn people(n: usize, edges: &[(u32, u32, f64)], k: f64, room: f64, seed: u64) -> Vec<[f64; 2]> {
    if n <= 1 {
        return vec![[0.0, 0.0]; n];
    }
    let mut rng = SplitMix64::new(seed);
    let spread = room.max(k);
    let mut pos: Vec<[f64; 2]> = (0..n)
        .map(|_| {
            let [x, y] = in_disc(&mut rng);
            [spread * x, spread * y]
        })
        .collect();
    relax(
        &mut pos,
        &vec![1.0; n],
        edges,
        k,
        MEMBER_STEPS,
        spread / 2.0,
    );
    let (sx, sy) = pos
        .iter()
        .fold((0.0, 0.0), |(sx, sy), p| (sx + p[0], sy + p[1]));
    let (cx, cy) = (sx / n as f64, sy / n as f64);
    // Scaled so most fill the disc: a few far-flung people (a hub's loose ends) would
    // otherwise shrink everyone else into a knot; those few are pulled in to the rim.
    let mut far: Vec<f64> = pos
        .iter()
        .map(|p| ((p[0] - cx).powi(2) + (p[1] - cy).powi(2)).sqrt())
        .collect();
    far.sort_by(f64::total_cmp);
    let typical = far[(far.len() * 9) / 10];
    let room = room.max(0.0);
    let scale = if typical > 0.0 { room / typical } else { 0.0 };
    pos.iter()
        .map(|p| {
            let (x, y) = ((p[0] - cx) * scale, (p[1] - cy) * scale);
            let d = (x * x + y * y).sqrt();
            let pull = if d > room { room / d } else { 1.0 };
            [x * pull, y * pull]
        })
        .collect()
}

/// Pushes overlapping discs apart along the line between their centres until they are
/// `gap` apart (the smaller moves more), for a bounded number of rounds. Regions are
/// at most a few hundred, so every pair is compared.
fn push_apart(centre: &mut [[f64; 2]], radius: &[f64], gap: f64) {
    let m = centre.len();
    for _ in 0..PUSH_ROUNDS {
        let mut moved = false;
        for a in 0..m {
            for b in a + 1..m {
                let (dx, dy) = (centre[b][0] - centre[a][0], centre[b][1] - centre[a][1]);
                let want = radius[a] + radius[b] + gap;
                let d2 = dx * dx + dy * dy;
                if d2 >= want * want {
                    continue;
                }
                let d = d2.sqrt();
                // Coincident centres part along a direction fixed by the pair.
                let (ux, uy) = if d > 1e-9 {
                    (dx / d, dy / d)
                } else {
                    let t = (a * 31 + b) as f64;
                    (t.cos(), t.sin())
                };
                let (wa, wb) = (radius[a].powi(2), radius[b].powi(2));
                let share_a = wb / (wa + wb);
                let push = want - d;
                centre[a][0] -= ux * push * share_a;
                centre[a][1] -= uy * push * share_a;
                centre[b][0] += ux * push * (1.0 - share_a);
                centre[b][1] += uy * push * (1.0 - share_a);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discs_do_not_overlap_and_people_stay_in_their_disc() {
        let sizes = [500, 200, 50, 3, 3, 1];
        let mut region_of = Vec::new();
        for (r, n) in [40, 16, 4, 1, 1, 1].into_iter().enumerate() {
            region_of.extend(std::iter::repeat_n(r, n));
        }
        let edges: Vec<(u32, u32, f64)> = (1..40).map(|i| (0, i, 1.0)).collect();
        let links = [(0, 1, 30.0), (1, 2, 5.0)];
        let input = Regions {
            sizes: &sizes,
            region_of: &region_of,
            edges: &edges,
            links: &links,
        };
        let (pos, discs, w, h) = regions(&input, 45.0, 7);
        assert_eq!(discs.len(), sizes.len());
        assert!(discs[0].r > discs[1].r && discs[1].r > discs[2].r);
        for (a, da) in discs.iter().enumerate() {
            assert!(da.x - da.r >= 0.0 && da.x + da.r <= w, "{da:?} in {w}");
            assert!(da.y - da.r >= 0.0 && da.y + da.r <= h, "{da:?} in {h}");
            for db in &discs[a + 1..] {
                let d = ((da.x - db.x).powi(2) + (da.y - db.y).powi(2)).sqrt();
                assert!(d + 1e-6 >= da.r + db.r, "{da:?} overlaps {db:?}");
            }
        }
        for (p, &r) in pos.iter().zip(&region_of) {
            let d = discs[r];
            let off = ((p[0] - d.x).powi(2) + (p[1] - d.y).powi(2)).sqrt();
            assert!(off <= d.r, "{p:?} outside {d:?}");
        }
        // The same input gives the same picture.
        assert_eq!(regions(&input, 45.0, 7).1, discs);
    }
}
