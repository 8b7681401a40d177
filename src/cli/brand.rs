//! `--brand FILE`: the consultant's name, logo, colour and footer on the
//! reports they hand over.

use std::path::PathBuf;

use clap::Args;

use crate::core::brand::Brand;
use crate::io::brand::load_brand;

#[derive(Debug, Clone, Default, Args)]
pub struct BrandArgs {
    /// Brand the report you hand over with this TOML file: the HTML page (name, logo, accent, footer) and, where the command writes Markdown, the Markdown (name, footer).
    #[arg(long, value_name = "FILE")]
    pub brand: Option<PathBuf>,
}

impl BrandArgs {
    /// The brand file's brand, checked; no brand without one.
    pub fn load(&self) -> anyhow::Result<Brand> {
        self.brand.as_deref().map_or_else(|| Ok(Brand::default()), load_brand)
    }
}
