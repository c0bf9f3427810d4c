//! One module per subcommand; each exposes `Args` (clap) and `run(args) -> Result<ExitCode>`.

pub mod cards;
pub mod export;
pub mod lint;
pub mod lsp;
pub mod repair;
pub mod stats;
