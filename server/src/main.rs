//! The `backstrong` binary: `serve` (default) or `export`.

use server::{Command, Config, Site, export, listen};
use std::process::ExitCode;
use std::sync::Arc;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args_os().skip(1)) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("backstrong: {e}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        // Checked when the configuration was read.
        .with_env_filter(EnvFilter::new(&config.log))
        .with_target(false)
        // Colour codes only for a person at a terminal, not in log files.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();

    match config.command {
        Command::Help => {
            println!("{}", server::config::USAGE);
            ExitCode::SUCCESS
        }
        Command::Export { out, sync_url } => match export(
            config.leptos,
            &out,
            sync_url
                .map(|url| format!("{url}{}", server::sync::PREFIX))
                .as_deref(),
        )
        .await
        {
            Ok(files) => {
                println!("exported {} files to {}", files.len(), out.display());
                ExitCode::SUCCESS
            }
            Err(e @ server::export::ExportError::UnsafeOut { .. }) => {
                eprintln!("backstrong: {e}");
                ExitCode::from(2)
            }
            Err(e) => {
                eprintln!("backstrong: export failed: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Serve => serve(config).await,
    }
}

async fn serve(config: Config) -> ExitCode {
    if let Err(e) = config.check_site() {
        eprintln!("backstrong: {e}");
        return ExitCode::from(2);
    }
    let addr = config.leptos.site_addr;
    if config.leptos.hash_files {
        tracing::info!("serving hashed assets from {}", config.leptos.site_root);
    }
    let limits = config.limits;
    let sync_api = config.sync.as_ref().map(|_| server::sync::PREFIX);
    let site = match Site::build(&config.leptos, config.security, sync_api).await {
        Ok(site) => Arc::new(site),
        Err(e) => {
            eprintln!("backstrong: cannot prepare the site: {e}");
            return ExitCode::FAILURE;
        }
    };
    let sync = match &config.sync {
        None => None,
        Some(options) => match server::sync::store::SqlStore::open(&options.db).await {
            Ok(store) => {
                let api = Arc::new(server::sync::Api::new(store, options.clone()));
                tokio::spawn(expire_idle(api.clone()));
                tracing::info!("sync on");
                Some(api)
            }
            Err(e) => {
                eprintln!("backstrong: --sync-db: cannot open the store: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("backstrong: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Tests start the server on port 0 and read the real address from here.
    let local = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    println!("listening on http://{local}");
    tracing::info!(
        "site of build {} in memory: {} pages, {} addresses",
        site.build,
        site.pages.len(),
        site.paths().len()
    );
    listen::serve(listener, site, sync, limits, shutdown_signal()).await;
    tracing::info!("stopped");
    ExitCode::SUCCESS
}

/// Deletes idle snapshots at start and then every hour.
async fn expire_idle(api: Arc<server::sync::Api<server::sync::store::SqlStore>>) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        match api.expire(std::time::SystemTime::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!("sync: {n} idle snapshots deleted"),
            Err(e) => tracing::warn!("sync: expiry failed: {e}"),
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
