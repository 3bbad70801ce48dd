//! `[corpus] watch`: whether the open dashboard follows its corpus folders
//! (`true`, the default), polls them (`"poll"`, for a network file system
//! that inotify cannot follow but that revue does not recognise), or
//! leaves them alone (`false`).

use serde::{Deserialize, Deserializer, de::Error as _};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Watch {
    /// inotify, or polling where inotify cannot see changes or fails.
    #[default]
    Auto,
    /// Polling everywhere.
    Poll,
    Off,
}

impl<'de> Deserialize<'de> for Watch {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Switch(bool),
            Word(String),
        }
        match Raw::deserialize(d)? {
            Raw::Switch(true) => Ok(Watch::Auto),
            Raw::Switch(false) => Ok(Watch::Off),
            Raw::Word(w) if w == "poll" => Ok(Watch::Poll),
            Raw::Word(w) => Err(D::Error::custom(format!(
                "watch = \"{w}\": use true, false or \"poll\""
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct T {
        watch: Watch,
    }

    #[test]
    fn true_false_and_poll() {
        let read = |s: &str| toml::from_str::<T>(s).map(|t| t.watch);
        assert_eq!(read("watch = true").unwrap(), Watch::Auto);
        assert_eq!(read("watch = false").unwrap(), Watch::Off);
        assert_eq!(read("watch = \"poll\"").unwrap(), Watch::Poll);
        let e = read("watch = \"inotify\"").unwrap_err().to_string();
        assert!(e.contains("true, false or \"poll\""), "{e}");
    }
}
