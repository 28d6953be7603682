//! The house rules of the source tree, checked from the code itself: the modules drawn
//! from their `crate::`, `super::` and `use crate::{..}` references must form no cycle, and
//! dependencies must point down the layers DESIGN.md names (cmd -> query/ops/formats/
//! render -> graph/ids -> model). A reference to an ancestor module (a child using its
//! parent's items) is the module tree itself, not a dependency, and `#[cfg(test)]` code
//! is left out: tests may reach anywhere.
//!
//! Text, not a compiler: it reads paths as they are written, which is how this codebase
//! writes them (`use crate::a::b`, `crate::a::f()`, `super::x`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// Every module of src/ and the file that holds it.
fn modules() -> BTreeMap<Module, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&src).unwrap().with_extension("");
            let mut module: Module = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") || module == ["lib"] || module == ["main"]
            {
                module.pop();
            }
            (module, path)
        })
        .collect()
}

/// The module paths a file's non-test code names, as written (not yet cut to modules).
fn named_paths(module: &Module, file: &Path) -> Vec<Module> {
    let text = std::fs::read_to_string(file).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap();
    let code: String = code
        .lines()
        .map(|l| l.split("//").next().unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let path_at = |s: &str| -> Module {
        s.split("::")
            .map(|w| {
                w.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect()
            })
            .take_while(|w: &String| !w.is_empty())
            .collect()
    };
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::b, c}`: each item of the group.
            let group = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(group.split(',').map(|item| path_at(item.trim())));
        } else {
            out.push(path_at(rest));
        }
    }
    // `super::` is relative to the parent (the module itself is `self`).
    let parent: Module = module[..module.len().saturating_sub(1)].to_vec();
    for (i, _) in code.match_indices("super::") {
        let mut p = parent.clone();
        p.extend(path_at(&code[i + "super::".len()..]));
        out.push(p);
    }
    out
}

/// Module -> the modules it depends on (the longest module prefix of each named path).
fn dependencies() -> BTreeMap<Module, BTreeSet<Module>> {
    let mods = modules();
    mods.iter()
        .map(|(module, file)| {
            let deps = named_paths(module, file)
                .into_iter()
                .filter_map(|path| {
                    (1..=path.len())
                        .rev()
                        .map(|k| path[..k].to_vec())
                        .find(|p| mods.contains_key(p))
                })
                .filter(|dep| !module.starts_with(dep))
                .collect();
            (module.clone(), deps)
        })
        .collect()
}

/// Groups of modules that depend on each other in a circle (Tarjan's algorithm).
fn cycles(deps: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        deps: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, (usize, usize)>,
        stack: Vec<&'a Module>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a Module) -> usize {
            let n = self.index.len();
            self.index.insert(v, (n, n));
            self.stack.push(v);
            let mut low = n;
            for w in &self.deps[v] {
                low = low.min(match self.index.get(w) {
                    None => self.visit(w),
                    Some(&(i, _)) if self.stack.contains(&w) => i,
                    Some(_) => continue,
                });
            }
            self.index.insert(v, (n, low));
            if low == n {
                let at = self.stack.iter().position(|m| *m == v).unwrap();
                let group: Vec<String> = self.stack.drain(at..).map(|m| m.join("::")).collect();
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
            low
        }
    }
    let mut walk = Walk {
        deps,
        index: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in deps.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

#[test]
fn the_modules_form_no_cycle() {
    let found = cycles(&dependencies());
    assert!(
        found.is_empty(),
        "modules that depend on each other: {found:?}"
    );
}

#[test]
fn dependencies_point_down_the_layers() {
    // (modules under this top-level name, top-level names they must not use)
    let rules: &[(&str, &[&str])] = &[
        (
            "model",
            &["cmd", "render", "formats", "query", "ops", "graph", "store"],
        ),
        (
            "ids",
            &["cmd", "render", "formats", "query", "ops", "graph", "store"],
        ),
        (
            "graph",
            &["cmd", "render", "formats", "query", "ops", "store"],
        ),
        (
            "validate",
            &["cmd", "render", "formats", "query", "ops", "graph"],
        ),
        (
            "store",
            &["cmd", "render", "formats", "query", "ops", "graph"],
        ),
        ("query", &["cmd", "render", "formats", "ops", "store"]),
        ("ops", &["cmd", "render", "store"]),
        ("formats", &["cmd", "render"]),
        ("render", &["cmd", "store"]),
        (
            "text",
            &["cmd", "render", "formats", "query", "ops", "store"],
        ),
        (
            "resolve",
            &["cmd", "render", "formats", "query", "ops", "store"],
        ),
    ];
    let mut broken = Vec::new();
    for (module, deps) in dependencies() {
        let Some(top) = module.first() else { continue };
        let Some((_, banned)) = rules.iter().find(|(name, _)| name == top) else {
            continue;
        };
        for dep in deps {
            if banned.contains(&dep[0].as_str()) {
                broken.push(format!("{} uses {}", module.join("::"), dep.join("::")));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer rules broken:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_reader_finds_the_dependencies_it_should() {
    // A canary for the text reading itself: edges known to exist must be found, so the
    // two checks above cannot pass by seeing nothing.
    let deps = dependencies();
    let has = |from: &str, to: &str| {
        let key: Module = from.split("::").map(String::from).collect();
        let to: Module = to.split("::").map(String::from).collect();
        deps.get(&key).is_some_and(|d| d.contains(&to))
    };
    assert!(has("graph", "ids"));
    assert!(has("store", "validate"));
    assert!(has("cmd::suggest", "graph"));
    assert!(deps.len() > 50, "{} modules", deps.len());
}
