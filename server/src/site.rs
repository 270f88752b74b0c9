//! The whole site, built once into memory: every page, the 404 page, the
//! service worker and every file of the built site, each with its brotli
//! and gzip forms and the response headers that go with them.
//!
//! The server answers from this map and nothing else; the export writes
//! this map to disk. So the two can never differ: they are one value.

use crate::{
    pack,
    preload::{self, SplitManifest},
    render,
    security::{Delivery, SecurityOptions, content_security_policy, fixed_headers},
    sw,
};
use bytes::Bytes;
use leptos::config::LeptosOptions;
use sha2::{Digest, Sha256};
use std::{
    collections::{BTreeSet, HashMap},
    io::{self, Write},
    path::{Path, PathBuf},
};
use thiserror::Error;

/// Hashed assets never change under their name: cache them for a year.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (pages, icons, the manifest, the worker) is revalidated
/// on each use, so a new build is picked up at once; an ETag makes that
/// revalidation a 304 of a few hundred bytes.
pub const REVALIDATE: &str = "no-cache";

/// A file bigger than this is refused: the site is a few megabytes.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// All files together, so memory stays bounded whatever the folder holds.
const MAX_SITE_BYTES: u64 = 128 * 1024 * 1024;

/// Why the site could not be built.
#[derive(Debug, Error)]
pub enum SiteError {
    /// Reading the built site failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The built site is missing.
    #[error("no built site at {0}: build it first (make build)")]
    NoSite(PathBuf),
    /// A page did not render as it should.
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// The built site holds more than a server should keep in memory.
    #[error("{path}: too big to serve from memory ({bytes} bytes; the limit is {limit})")]
    TooBig {
        /// The file, or the site root for the total.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit it passed.
        limit: u64,
    },
    /// The split manifest of a build folder cannot be read.
    #[error("{path}: {reason}")]
    Manifest {
        /// The manifest's address.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Content encodings, in the order the server prefers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Brotli (`.br`).
    Brotli,
    /// Gzip (`.gz`).
    Gzip,
    /// The bytes as they are.
    Identity,
}

impl Encoding {
    /// Every encoding, best first.
    pub const ALL: [Encoding; 3] = [Encoding::Brotli, Encoding::Gzip, Encoding::Identity];

    /// The `Content-Encoding` value, if any.
    pub fn header(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }

    /// The suffix of the file that holds this form (`.br`), and of its ETag.
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => ".br",
            Encoding::Gzip => ".gz",
            Encoding::Identity => "",
        }
    }
}

/// One form of a resource: its bytes and the headers that describe them.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The bytes sent.
    pub body: Bytes,
    /// The strong ETag, quotes included.
    pub etag: String,
    /// Every header line but the status line, `Date` and `Connection`,
    /// each ending in CRLF: ready to write.
    pub head: Bytes,
}

/// Something the site answers with: a page, a file, the worker.
#[derive(Debug, Clone)]
pub struct Resource {
    /// 200, or 404 for the "not found" page.
    pub status: u16,
    /// Where the export writes it, relative to the export's root.
    pub file: String,
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// Its `Cache-Control`.
    pub cache_control: &'static str,
    /// Its forms, by encoding; identity is always there.
    variants: Vec<(Encoding, Variant)>,
}

impl Resource {
    /// The form for this encoding, if the resource has it.
    pub fn variant(&self, encoding: Encoding) -> Option<&Variant> {
        self.variants
            .iter()
            .find(|(e, _)| *e == encoding)
            .map(|(_, v)| v)
    }

    /// The best form the client takes; identity when it takes none.
    pub fn best(&self, takes: impl Fn(Encoding) -> bool) -> &Variant {
        self.variants
            .iter()
            .find(|(e, _)| takes(*e))
            .map_or(&self.variants[self.variants.len() - 1].1, |(_, v)| v)
    }

    /// The uncompressed bytes.
    pub fn identity(&self) -> &Bytes {
        // Every resource is made with its identity form last (see `make`).
        &self.variants[self.variants.len() - 1].1.body
    }

    /// Every form, best first.
    pub fn variants(&self) -> impl Iterator<Item = (Encoding, &Variant)> {
        self.variants.iter().map(|(e, v)| (*e, v))
    }

    /// True when there is more than one form, so answers vary by
    /// `Accept-Encoding`.
    pub fn negotiated(&self) -> bool {
        self.variants.len() > 1
    }
}

/// The page with `<meta name="backstrong-sync" content="API">` in its
/// head when there is a sync API: the app turns sync on only where the
/// page names one (a server run with `--sync-db`, or an export built with
/// `--sync-url`).
pub fn sync_meta(html: &str, sync_api: Option<&str>) -> String {
    let (Some(api), Some(at)) = (sync_api, html.find("</head>")) else {
        return html.to_owned();
    };
    let api = api.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "{}<meta name=\"backstrong-sync\" content=\"{api}\">{}",
        &html[..at],
        &html[at..]
    )
}

/// `https://host:port` of an absolute address; `None` for a path on this
/// server.
pub fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    let host_len = rest.find('/').unwrap_or(rest.len());
    Some(&url[..scheme.len() + 3 + host_len])
}

/// The built site, in memory.
#[derive(Debug)]
pub struct Site {
    /// The build id of the service worker, 16 hex digits.
    pub build: String,
    /// Addresses of the app's pages, in the order the app lists them.
    pub pages: Vec<String>,
    /// The address of the service worker's pack (see [`crate::pack`]).
    pub pack: String,
    /// The address of its pack of the session page's own lazy files, if
    /// the build has any (see [`sw::ServiceWorker::session_packed`]).
    pub session_pack: Option<String>,
    /// The `Content-Security-Policy` header: every page's inline scripts by
    /// hash.
    pub policy: String,
    /// The security header lines every answer carries, CRLF-ended.
    pub security_head: Bytes,
    by_path: HashMap<String, Resource>,
    not_found: Resource,
}

impl Site {
    /// Builds the site: renders every page and the 404 page with Leptos,
    /// reads every file of the built site, makes the service worker.
    /// `sync_api`: where the pages find the sync API (see [`sync_meta`]),
    /// `None` when there is none.
    pub async fn build(
        options: &LeptosOptions,
        security: SecurityOptions,
        sync_api: Option<&str>,
    ) -> Result<Self, SiteError> {
        let root = PathBuf::from(&*options.site_root);
        if !root.is_dir() {
            return Err(SiteError::NoSite(root));
        }
        let (mut files, manifests) = split_manifests(read_files(&root)?)?;
        // The pages' boot script is made by the app, not read from disk
        // (`app::paint_first`); it is served, kept offline and exported
        // like every other file.
        if let Some(boot) =
            app::paint_first::boot_script(&app::build_folder::hydration_options(options))
        {
            files.retain(|f| f.path != boot.path);
            files.push(SiteFile {
                path: boot.path,
                identity: Bytes::from(boot.text),
                brotli: None,
                gzip: None,
            });
            files.sort_by(|a, b| a.path.cmp(&b.path));
        }
        let rendered = render::render_site(options).await?;
        // Each page names the wasm files it needs (see `preload`).
        let with_preloads = |html: &str| {
            let html = manifests.iter().fold(html.to_owned(), |html, manifest| {
                let files = manifest.files_for(&html, &options.output_name);
                preload::with_lists(&html, &files, &manifest.stored_files_for(&files))
            });
            sync_meta(&html, sync_api)
        };
        let sync_origin = sync_api.and_then(origin_of);

        let mut hashes = BTreeSet::new();
        let mut pages = Vec::new();
        for page in &rendered.pages {
            let (html, page_hashes) =
                crate::csp::with_meta_policy(&with_preloads(&page.html), sync_origin);
            hashes.extend(page_hashes);
            pages.push((page.path.clone(), html));
        }
        let (not_found_html, not_found_hashes) =
            crate::csp::with_meta_policy(&with_preloads(&rendered.not_found), sync_origin);
        hashes.extend(not_found_hashes);
        let policy = content_security_policy(
            &hashes.into_iter().collect::<Vec<_>>(),
            Delivery::Header,
            sync_origin,
        );
        let security_head = security_lines(&policy, security);

        let on_demand: Vec<String> = manifests
            .iter()
            .flat_map(SplitManifest::sync_only_files)
            .collect();
        let lazy: Vec<String> = manifests
            .iter()
            .flat_map(SplitManifest::lazy_files)
            .collect();
        // What the session page loads itself (people often open it first).
        let session: Vec<String> = pages
            .iter()
            .filter(|(path, _)| path == "/session")
            .flat_map(|(_, html)| {
                manifests
                    .iter()
                    .flat_map(|m| m.files_for(html, &options.output_name))
            })
            .collect();
        let worker = sw::generate(
            pages.iter().map(|(p, h)| (p.as_str(), h.as_bytes())),
            files.iter().map(|f| (f.path.as_str(), &f.identity[..])),
            &on_demand,
            &lazy,
            &session,
            &security_head,
        );
        let main_pack = offline_pack(&pages, &files, &worker.packed, &security_head);
        let session_pack = worker.session_pack.clone().map(|url| {
            (
                url,
                offline_pack(&[], &files, &worker.session_packed, &security_head),
            )
        });
        let mut by_path = HashMap::new();
        for (path, html) in pages {
            let file = page_file(&path);
            let resource = make(
                200,
                file,
                "text/html; charset=utf-8",
                &path,
                Bytes::from(html),
                Twins::Make,
                &security_head,
            );
            by_path.insert(path, resource);
        }
        let not_found = make(
            404,
            "404.html".into(),
            "text/html; charset=utf-8",
            "/404.html",
            Bytes::from(not_found_html),
            Twins::Make,
            &security_head,
        );
        by_path.insert(
            "/sw.js".into(),
            make(
                200,
                "sw.js".into(),
                "text/javascript; charset=utf-8",
                "/sw.js",
                Bytes::from(worker.script),
                Twins::Make,
                &security_head,
            ),
        );
        for (url, bytes) in [(worker.pack.clone(), main_pack)]
            .into_iter()
            .chain(session_pack)
        {
            let resource = make(
                200,
                url.trim_start_matches('/').to_owned(),
                "application/octet-stream",
                &url,
                Bytes::from(bytes),
                Twins::Make,
                &security_head,
            );
            by_path.insert(url, resource);
        }
        for file in files {
            let twins = if file.brotli.is_some() || file.gzip.is_some() {
                Twins::Given {
                    brotli: file.brotli,
                    gzip: file.gzip,
                }
            } else if compressible(&file.path) {
                Twins::Make
            } else {
                Twins::None
            };
            let resource = make(
                200,
                file.path.trim_start_matches('/').to_owned(),
                content_type(&file.path),
                &file.path,
                file.identity,
                twins,
                &security_head,
            );
            by_path.insert(file.path, resource);
        }
        Ok(Self {
            build: worker.build,
            pack: worker.pack,
            session_pack: worker.session_pack,
            pages: rendered.pages.into_iter().map(|p| p.path).collect(),
            policy,
            security_head,
            by_path,
            not_found,
        })
    }

    /// The resource at this address.
    pub fn get(&self, path: &str) -> Option<&Resource> {
        self.by_path.get(path)
    }

    /// The app's "not found" page (status 404).
    pub fn not_found(&self) -> &Resource {
        &self.not_found
    }

    /// Every address the site answers with 200, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.by_path.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    /// Every resource, the 404 page included, for the export.
    pub fn resources(&self) -> impl Iterator<Item = &Resource> {
        self.by_path.values().chain([&self.not_found])
    }
}

/// The service worker's pack (see [`crate::pack`]): every page, with the
/// headers the server sends that matter once it is kept (its type and the
/// security headers), then the `packed` files with their type.
fn offline_pack(
    pages: &[(String, String)],
    files: &[SiteFile],
    packed: &[String],
    security_head: &[u8],
) -> Vec<u8> {
    let security = pack::header_pairs(&String::from_utf8_lossy(security_head));
    let page_headers = || {
        let mut headers = vec![(
            "content-type".to_owned(),
            "text/html; charset=utf-8".to_owned(),
        )];
        headers.extend(security.iter().cloned());
        headers
    };
    let mut entries: Vec<pack::Entry<'_>> = pages
        .iter()
        .map(|(path, html)| pack::Entry {
            path: path.into(),
            headers: page_headers(),
            body: html.as_bytes(),
        })
        .collect();
    entries.extend(
        files
            .iter()
            .filter(|f| packed.contains(&f.path))
            .map(|f| pack::Entry {
                path: f.path.as_str().into(),
                headers: vec![("content-type".to_owned(), content_type(&f.path).to_owned())],
                body: &f.identity,
            }),
    );
    pack::write(&entries)
}

/// Where a page's file goes: `/` is `index.html`, `/program` is
/// `program/index.html`, so static hosts serve it at its address.
fn page_file(path: &str) -> String {
    let dir = path.trim_matches('/');
    if dir.is_empty() {
        "index.html".into()
    } else {
        format!("{dir}/index.html")
    }
}

/// The security header lines, CRLF-ended.
fn security_lines(policy: &str, security: SecurityOptions) -> Bytes {
    let mut head = format!("content-security-policy: {policy}\r\n");
    for (name, value) in fixed_headers(security) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    Bytes::from(head)
}

enum Twins {
    /// The build wrote `.br` and `.gz` files: use them as they are.
    Given {
        brotli: Option<Bytes>,
        gzip: Option<Bytes>,
    },
    /// Compress here, once.
    Make,
    /// Already compressed (images): identity only.
    None,
}

fn make(
    status: u16,
    file: String,
    content_type: &'static str,
    path: &str,
    identity: Bytes,
    twins: Twins,
    security_head: &Bytes,
) -> Resource {
    let (brotli, gzip) = match twins {
        Twins::Given { brotli, gzip } => (brotli, gzip),
        Twins::Make => (Some(brotli(&identity)), Some(gzip(&identity))),
        Twins::None => (None, None),
    };
    let cache_control = if path.starts_with("/pkg/") && status == 200 {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let tag = sw::hex16(&Sha256::digest(&identity));
    let negotiated = brotli.is_some() || gzip.is_some();
    let mut variants = Vec::new();
    for (encoding, body) in [
        (Encoding::Brotli, brotli),
        (Encoding::Gzip, gzip),
        (Encoding::Identity, Some(identity)),
    ] {
        let Some(body) = body else { continue };
        // A strong ETag names one representation: each encoding its own.
        let etag = format!("\"{tag}{}\"", encoding.suffix().replace('.', "-"));
        let mut head = format!(
            "content-type: {content_type}\r\ncontent-length: {}\r\ncache-control: {cache_control}\r\netag: {etag}\r\n",
            body.len()
        );
        if let Some(coding) = encoding.header() {
            head.push_str(&format!("content-encoding: {coding}\r\n"));
        }
        if negotiated {
            head.push_str("vary: accept-encoding\r\n");
        }
        let mut head = head.into_bytes();
        head.extend_from_slice(security_head);
        variants.push((
            encoding,
            Variant {
                body,
                etag,
                head: Bytes::from(head),
            },
        ));
    }
    Resource {
        status,
        file,
        content_type,
        cache_control,
        variants,
    }
}

/// Brotli's best quality (11) for everything the server compresses itself.
/// The offline pack is the one big body (about 1.4 MB): at 11 that takes
/// about two seconds, which the release server spends once, at start. The
/// debug build is what the tests start, dozens of times: there bodies over
/// 256 KB get quality 5, which takes a fiftieth of the time (the pack comes
/// out a sixth larger; `make size` measures the release build).
const fn brotli_quality(len: usize) -> u32 {
    if cfg!(debug_assertions) && len > 256 * 1024 {
        5
    } else {
        11
    }
}

fn brotli(bytes: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(bytes.len() / 3 + 64);
    {
        let quality = brotli_quality(bytes.len());
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, quality, 22);
        // Writing to a Vec cannot fail.
        let _ = writer.write_all(bytes);
    }
    Bytes::from(out)
}

fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3 + 64),
        flate2::Compression::best(),
    );
    let _ = encoder.write_all(bytes);
    Bytes::from(encoder.finish().unwrap_or_default())
}

/// Text formats gain from compression; images and fonts do not.
fn compressible(path: &str) -> bool {
    matches!(
        extension(path),
        "html" | "js" | "mjs" | "css" | "json" | "webmanifest" | "svg" | "txt" | "wasm" | "xml"
    )
}

fn extension(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or("", |(_, ext)| ext)
}

/// The `Content-Type` of a file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    match extension(path) {
        "html" => "text/html; charset=utf-8",
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

/// A file of the built site, with its precompressed twins if the build
/// wrote them.
struct SiteFile {
    path: String,
    identity: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

/// Every file under `root`, sorted by address. Twins (`.br`, `.gz`) go with
/// their file; hidden files, a stale `sw.js` or `_headers`, and HTML files
/// (the pages are rendered, not read) are left out.
fn read_files(root: &Path) -> Result<Vec<SiteFile>, SiteError> {
    let mut paths = Vec::new();
    walk(root, root, &mut paths)?;
    paths.sort();
    let mut total = 0;
    let mut read = |rel: &str| -> Result<Option<Bytes>, SiteError> {
        let path = root.join(rel);
        let io = |source| SiteError::Io {
            path: path.clone(),
            source,
        };
        match std::fs::metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io(e)),
            Ok(meta) if meta.len() > MAX_FILE_BYTES => {
                return Err(SiteError::TooBig {
                    path,
                    bytes: meta.len(),
                    limit: MAX_FILE_BYTES,
                });
            }
            Ok(meta) => {
                total += meta.len();
                if total > MAX_SITE_BYTES {
                    return Err(SiteError::TooBig {
                        path: root.to_owned(),
                        bytes: total,
                        limit: MAX_SITE_BYTES,
                    });
                }
            }
        }
        std::fs::read(&path)
            .map(|b| Some(Bytes::from(b)))
            .map_err(io)
    };
    let mut files = Vec::new();
    for rel in &paths {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let skip = rel.ends_with(".br")
            || rel.ends_with(".gz")
            || name.starts_with('.')
            || rel == "sw.js"
            || rel == "_headers"
            || rel.ends_with(".html");
        if skip {
            continue;
        }
        let Some(identity) = read(rel)? else { continue };
        files.push(SiteFile {
            path: format!("/{rel}"),
            identity,
            brotli: read(&format!("{rel}.br"))?,
            gzip: read(&format!("{rel}.gz"))?,
        });
    }
    Ok(files)
}

/// Takes the split manifests (`/pkg/<build>/manifest.json`) out of the
/// files: the server reads them, browsers never need them.
fn split_manifests(files: Vec<SiteFile>) -> Result<(Vec<SiteFile>, Vec<SplitManifest>), SiteError> {
    let mut kept = Vec::new();
    let mut manifests = Vec::new();
    for file in files {
        let folder = file
            .path
            .strip_suffix("/manifest.json")
            .filter(|folder| folder.starts_with("/pkg/") && folder.matches('/').count() == 2);
        match folder {
            Some(folder) => manifests.push(SplitManifest::parse(folder, &file.identity).map_err(
                |reason| SiteError::Manifest {
                    path: file.path.clone(),
                    reason,
                },
            )?),
            None => kept.push(file),
        }
    }
    Ok((kept, manifests))
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), SiteError> {
    let io = |source| SiteError::Io {
        path: dir.to_owned(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if entry.file_type().map_err(io)?.is_dir() {
            walk(root, &path, out)?;
        } else if let (Ok(rel), Some(_)) = (path.strip_prefix(root), path.to_str()) {
            // Names that are not UTF-8 cannot be asked for: left out.
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sync_api_is_named_in_the_head_and_its_origin_found() {
        let html = "<html><head><title>x</title></head><body></body></html>";
        assert_eq!(sync_meta(html, None), html);
        let named = sync_meta(html, Some("/api/sync/v1/"));
        assert!(named.contains(r#"<meta name="backstrong-sync" content="/api/sync/v1/"></head>"#));
        // A quote cannot close the attribute early.
        assert!(sync_meta(html, Some("https://a\"b/")).contains("content=\"https://a&quot;b/\""));
        assert_eq!(origin_of("/api/sync/v1/"), None);
        assert_eq!(
            origin_of("https://sync.example.org:8443/api/sync/v1/"),
            Some("https://sync.example.org:8443")
        );
        assert_eq!(origin_of("http://a.org"), Some("http://a.org"));
    }

    #[test]
    fn pages_go_where_static_hosts_look_for_them() {
        assert_eq!(page_file("/"), "index.html");
        assert_eq!(page_file("/program"), "program/index.html");
        assert_eq!(
            page_file("/exercise/leg-press"),
            "exercise/leg-press/index.html"
        );
    }

    #[test]
    fn each_encoding_has_its_own_strong_etag_and_head() {
        let r = make(
            200,
            "a.css".into(),
            "text/css; charset=utf-8",
            "/pkg/a.css",
            Bytes::from_static(b"body { color: black }\n"),
            Twins::Make,
            &Bytes::from_static(b"x-content-type-options: nosniff\r\n"),
        );
        let tags: BTreeSet<&str> = r.variants().map(|(_, v)| v.etag.as_str()).collect();
        assert_eq!(tags.len(), 3);
        let br = r.variant(Encoding::Brotli).unwrap();
        let head = std::str::from_utf8(&br.head).unwrap();
        assert!(head.contains("content-encoding: br\r\n"), "{head}");
        assert!(head.contains(&format!("content-length: {}\r\n", br.body.len())));
        assert!(head.contains("cache-control: public, max-age=31536000, immutable\r\n"));
        assert!(head.ends_with("x-content-type-options: nosniff\r\n"));
        assert_eq!(&r.identity()[..], b"body { color: black }\n");
    }

    #[test]
    fn images_are_not_compressed_again() {
        assert!(!compressible("/icons/icon-192.png"));
        assert!(compressible("/manifest.webmanifest"));
        assert_eq!(
            content_type("/manifest.webmanifest"),
            "application/manifest+json"
        );
        assert_eq!(content_type("/noext"), "application/octet-stream");
    }
}
