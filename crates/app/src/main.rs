//! The playground's single-page app.

mod app;
mod components;
mod output_buffer;
mod route;
mod runner;
mod service_worker;
mod share;
mod storage;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
