//! The playground's single-page app.

mod app;
mod components;
mod output_buffer;
mod route;
mod runner;
mod storage;
mod service_worker;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
