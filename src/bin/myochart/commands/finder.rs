//! `finder`: the muscles that refer pain to the given spots, best first.

use myochart::api::{self, Api};

use crate::args::FinderArgs;

pub fn execute(api: &Api, args: FinderArgs) -> api::Result<()> {
    let matches = api.find(&args.spots)?;
    if matches.is_empty() {
        println!("no muscle refers pain here");
    }
    for (rank, m) in matches.iter().enumerate() {
        println!(
            "{:>2}. {} ({:?})  score {:.2}",
            rank + 1,
            m.muscle_name,
            m.side,
            m.score
        );
    }
    Ok(())
}
