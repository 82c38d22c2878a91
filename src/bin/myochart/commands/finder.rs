//! `finder`: the muscles that refer pain to the given spots, best first.

use myochart::api::{self, Api};

use crate::args::FinderArgs;
use crate::print;

pub fn execute(api: &Api, args: FinderArgs) -> api::Result<()> {
    let matches = api.find(&args.spots)?;
    if matches.is_empty() {
        println!("{}", t!("finder-nothing"));
    }
    for (rank, m) in matches.iter().enumerate() {
        println!(
            "{:>2}. {}",
            rank + 1,
            t!(
                "finder-match",
                muscle = m.muscle_name.as_str(),
                side = print::side(m.side),
                score = format!("{:.2}", m.score),
            )
        );
    }
    Ok(())
}
