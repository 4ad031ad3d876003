//! The playground's single-page app.

mod app;
mod components;
mod route;
mod runner;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
