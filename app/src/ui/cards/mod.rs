//! The Program screen and its exercise cards, each exercise's own page, and
//! the warm-up.

mod body_map;
mod exercise_card;
mod exercise_detail;
mod exercise_notes;
mod exercise_page;
mod gym_notes;
mod illustration;
mod point_list;
mod prescription_tag;
mod program_page;
mod start_load_hint;
mod warm_up_page;

pub use body_map::BodyMap;
pub use exercise_card::ExerciseCard;
pub use exercise_detail::ExerciseDetail;
pub use exercise_notes::ExerciseNotes;
pub use exercise_page::ExercisePage;
pub use gym_notes::GymNotes;
pub use illustration::Illustration;
pub use point_list::PointList;
pub use prescription_tag::PrescriptionTag;
pub use program_page::ProgramPage;
pub use start_load_hint::StartLoadHint;
pub use warm_up_page::WarmUpPage;
