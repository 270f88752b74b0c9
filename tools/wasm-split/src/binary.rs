//! Just enough of the wasm binary format to merge chunks: read a module's
//! sections and imports, rename the module its imports come from, and
//! write the small module that re-exports what the chunks share.
//!
//! Written by hand rather than through a wasm library: the tool needs three
//! section kinds, and the rest of each module is copied byte for byte.

/// One section: its id and its bytes (without the id and size).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section<'a> {
    pub id: u8,
    pub body: &'a [u8],
}

/// One import: the module and name it comes from, and its kind and type
/// exactly as encoded (kind byte first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import<'a> {
    pub module: &'a str,
    pub name: &'a str,
    pub desc: &'a [u8],
}

const MAGIC: &[u8; 8] = b"\0asm\x01\0\0\0";
const CUSTOM: u8 = 0;
const IMPORT: u8 = 2;
const EXPORT: u8 = 7;

/// The module's sections, in order.
pub fn sections(wasm: &[u8]) -> Result<Vec<Section<'_>>, String> {
    let mut rest = wasm
        .strip_prefix(MAGIC)
        .ok_or("not a wasm module (version 1)")?;
    let mut out = Vec::new();
    while let Some((&id, after)) = rest.split_first() {
        let mut r = Reader(after);
        let len = r.u32()? as usize;
        let body = r.take(len)?;
        out.push(Section { id, body });
        rest = r.0;
    }
    Ok(out)
}

/// The bytes of code and data: every section but the custom ones (names,
/// debug information), which the optimiser drops anyway.
pub fn content_len(wasm: &[u8]) -> Result<usize, String> {
    Ok(sections(wasm)?
        .iter()
        .filter(|s| s.id != CUSTOM)
        .map(|s| s.body.len())
        .sum())
}

/// The module's imports, in order.
pub fn imports(wasm: &[u8]) -> Result<Vec<Import<'_>>, String> {
    let Some(section) = sections(wasm)?.into_iter().find(|s| s.id == IMPORT) else {
        return Ok(Vec::new());
    };
    let mut r = Reader(section.body);
    let count = r.u32()?;
    let mut out = Vec::new();
    for _ in 0..count {
        let module = r.name()?;
        let name = r.name()?;
        let start = r.0;
        r.import_desc()?;
        let desc = &start[..start.len() - r.0.len()];
        out.push(Import { module, name, desc });
    }
    if !r.0.is_empty() {
        return Err("bytes left over after the imports".into());
    }
    Ok(out)
}

/// `wasm` with every import from module `from` taken from module `to`, and
/// without its custom sections: `wasm-merge` warns about the split's name
/// subsection it does not know, and the optimiser drops names anyway.
pub fn rename_import_module(wasm: &[u8], from: &str, to: &str) -> Result<Vec<u8>, String> {
    let renamed: Vec<Import> = imports(wasm)?
        .into_iter()
        .map(|i| Import {
            module: if i.module == from { to } else { i.module },
            ..i
        })
        .collect();
    let mut out = MAGIC.to_vec();
    for section in sections(wasm)? {
        if section.id == IMPORT {
            let mut body = Vec::new();
            write_u32(&mut body, renamed.len() as u32);
            for import in &renamed {
                write_name(&mut body, import.module);
                write_name(&mut body, import.name);
                body.extend_from_slice(import.desc);
            }
            write_section(&mut out, IMPORT, &body);
        } else if section.id != CUSTOM {
            write_section(&mut out, section.id, section.body);
        }
    }
    Ok(out)
}

/// Whether the module exports anything (the split writes an empty export
/// section into each chunk).
pub fn has_exports(wasm: &[u8]) -> Result<bool, String> {
    for section in sections(wasm)?.iter().filter(|s| s.id == EXPORT) {
        if Reader(section.body).u32()? > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `wasm` without its exports.
pub fn without_exports(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = MAGIC.to_vec();
    for section in sections(wasm)?.iter().filter(|s| s.id != EXPORT) {
        write_section(&mut out, section.id, section.body);
    }
    Ok(out)
}

/// A module that imports each of `imports` and exports it under its own
/// name: merged first, it hands the chunks merged after it one memory, one
/// table and one stack pointer, imported once.
pub fn reexporting(imports: &[Import]) -> Vec<u8> {
    let mut import_body = Vec::new();
    write_u32(&mut import_body, imports.len() as u32);
    let mut export_body = Vec::new();
    write_u32(&mut export_body, imports.len() as u32);
    // Each kind (function, table, memory, global, tag) counts its own indices.
    let mut next_index = [0u32; 5];
    for import in imports {
        write_name(&mut import_body, import.module);
        write_name(&mut import_body, import.name);
        import_body.extend_from_slice(import.desc);
        let kind = import.desc[0];
        write_name(&mut export_body, import.name);
        export_body.push(kind);
        let index = &mut next_index[usize::from(kind.min(4))];
        write_u32(&mut export_body, *index);
        *index += 1;
    }
    let mut out = MAGIC.to_vec();
    write_section(&mut out, IMPORT, &import_body);
    write_section(&mut out, EXPORT, &export_body);
    out
}

fn write_section(out: &mut Vec<u8>, id: u8, body: &[u8]) {
    out.push(id);
    write_u32(out, body.len() as u32);
    out.extend_from_slice(body);
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_u32(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

fn write_u32(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let (&b, rest) = self.0.split_first().ok_or("the module ends too early")?;
        self.0 = rest;
        Ok(b)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        if self.0.len() < len {
            return Err("the module ends too early".into());
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Ok(head)
    }

    /// An unsigned LEB128 of up to 64 bits (memory64 limits use them).
    fn u64(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number is too long".into())
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.u64()?).map_err(|_| "a number is too large".to_string())
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|_| "a name is not UTF-8".to_string())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        if flags & !0x07 != 0 {
            return Err(format!("unknown limits flags {flags:#x}"));
        }
        self.u64()?;
        if flags & 1 != 0 {
            self.u64()?;
        }
        Ok(())
    }

    fn import_desc(&mut self) -> Result<(), String> {
        match self.byte()? {
            0x00 => self.u32().map(drop),
            0x01 => {
                let element = self.byte()?;
                if !matches!(element, 0x70 | 0x6f) {
                    return Err(format!("unknown table element type {element:#x}"));
                }
                self.limits()
            }
            0x02 => self.limits(),
            0x03 => {
                self.byte()?;
                self.byte().map(drop)
            }
            0x04 => {
                self.byte()?;
                self.u32().map(drop)
            }
            kind => Err(format!("unknown import kind {kind:#x}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing memory, a table, a mutable i32 global and a
    /// function from `env`, with one custom section.
    fn module() -> Vec<u8> {
        let mut wasm = MAGIC.to_vec();
        // type section: one type () -> ()
        write_section(&mut wasm, 1, &[1, 0x60, 0, 0]);
        let mut body = vec![4];
        for (name, desc) in [
            ("memory", &[0x02, 0x00, 19][..]),
            ("table", &[0x01, 0x70, 0x01, 0x9c, 0x18, 0x9c, 0x18]),
            ("sp", &[0x03, 0x7f, 0x01]),
            ("f", &[0x00, 0x00]),
        ] {
            write_name(&mut body, "env");
            write_name(&mut body, name);
            body.extend_from_slice(desc);
        }
        write_section(&mut wasm, IMPORT, &body);
        write_section(&mut wasm, CUSTOM, b"\x04namexyz");
        wasm
    }

    #[test]
    fn reads_the_imports_and_counts_no_custom_bytes() {
        let wasm = module();
        let found = imports(&wasm).unwrap();
        let names: Vec<_> = found.iter().map(|i| (i.module, i.name)).collect();
        assert_eq!(
            names,
            [
                ("env", "memory"),
                ("env", "table"),
                ("env", "sp"),
                ("env", "f")
            ]
        );
        assert_eq!(found[1].desc, [0x01, 0x70, 0x01, 0x9c, 0x18, 0x9c, 0x18]);
        let sections = sections(&wasm).unwrap();
        assert_eq!(
            content_len(&wasm).unwrap(),
            sections[0].body.len() + sections[1].body.len()
        );
    }

    #[test]
    fn renames_the_module_of_imports_and_keeps_every_other_byte_but_custom_ones() {
        let wasm = module();
        let renamed = rename_import_module(&wasm, "env", "shared").unwrap();
        assert!(
            imports(&renamed)
                .unwrap()
                .iter()
                .all(|i| i.module == "shared")
        );
        let back = rename_import_module(&renamed, "shared", "env").unwrap();
        let custom = wasm.len() - 2 - b"\x04namexyz".len();
        assert_eq!(back, wasm[..custom]);
        // An import from elsewhere stays as it is.
        assert_eq!(rename_import_module(&wasm, "other", "x").unwrap(), back);
    }

    #[test]
    fn the_reexporting_module_exports_each_import_by_its_kind_and_index() {
        let wasm = module();
        let imported = imports(&wasm).unwrap();
        let shared = reexporting(&imported[..3]);
        assert_eq!(imports(&shared).unwrap(), imported[..3].to_vec());
        let export = sections(&shared).unwrap()[1].clone();
        assert_eq!(export.id, EXPORT);
        let mut expected = vec![3];
        for (name, kind) in [("memory", 2), ("table", 1), ("sp", 3)] {
            write_name(&mut expected, name);
            expected.extend_from_slice(&[kind, 0]);
        }
        assert_eq!(export.body, expected);
    }

    #[test]
    fn exports_can_be_dropped() {
        let wasm = module();
        let shared = reexporting(&imports(&wasm).unwrap());
        assert!(has_exports(&shared).unwrap());
        assert!(!has_exports(&wasm).unwrap());
        let mut empty = wasm.clone();
        write_section(&mut empty, EXPORT, &[0]);
        assert!(!has_exports(&empty).unwrap());
        assert_eq!(without_exports(&empty).unwrap(), wasm);
        let bare = without_exports(&shared).unwrap();
        assert!(!has_exports(&bare).unwrap());
        assert_eq!(imports(&bare).unwrap(), imports(&shared).unwrap());
        assert_eq!(without_exports(&wasm).unwrap(), wasm);
    }

    #[test]
    fn broken_modules_are_refused_with_a_reason() {
        assert!(sections(b"not wasm").is_err());
        let mut cut = module();
        cut.truncate(cut.len() - 3);
        assert_eq!(sections(&cut).unwrap_err(), "the module ends too early");
        let mut odd = MAGIC.to_vec();
        write_section(&mut odd, IMPORT, &[1, 1, b'm', 1, b'n', 0x09]);
        assert_eq!(imports(&odd).unwrap_err(), "unknown import kind 0x9");
    }
}
