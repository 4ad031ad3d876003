//! The step-through's arrows: measured from the rendered dots to the boxes
//! they point to, after every render of a new step and whenever the panel
//! changes size (so they follow a phone turning, or the panel stacking).

use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{DomRect, Element};
use yew::prelude::*;

/// One arrow as an SVG path, in the panel body's coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    pub path: String,
    /// The arrow's end, where its head is drawn.
    pub head: (f64, f64),
}

/// A curve from a dot to a box: to its left edge if the dot is left of
/// it, otherwise out to the right and back into its right edge.
#[must_use]
pub fn arrow(from: (f64, f64), left: f64, right: f64, top: f64) -> Arrow {
    let (x1, y1) = from;
    let y2 = top + 12.0;
    if x1 < left {
        let bend = ((left - x1) / 2.0).max(20.0);
        Arrow {
            path: format!(
                "M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {left:.1},{y2:.1}",
                x1 + bend,
                left - bend
            ),
            head: (left, y2),
        }
    } else {
        let out = right + 24.0 + (y1 - y2).abs().min(120.0) / 6.0;
        Arrow {
            path: format!("M{x1:.1},{y1:.1} C{out:.1},{y1:.1} {out:.1},{y2:.1} {right:.1},{y2:.1}"),
            head: (right, y2),
        }
    }
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn measure(root: &Element) -> Vec<Arrow> {
    let origin = root.get_bounding_client_rect();
    let local = |rect: &DomRect| (rect.left() - origin.left(), rect.top() - origin.top());
    elements(root, ".trace-ref[data-target]")
        .iter()
        .filter_map(|reference| {
            let target = reference.get_attribute("data-target")?;
            let dot = reference.query_selector(".trace-dot").ok()??.get_bounding_client_rect();
            let object = root.query_selector(&format!("[data-obj=\"{target}\"]")).ok()??;
            let rect = object.get_bounding_client_rect();
            let (x, y) = local(&dot);
            let (left, top) = local(&rect);
            Some(arrow((x + dot.width() / 2.0, y + dot.height() / 2.0), left, left + rect.width(), top))
        })
        .collect()
}

/// The arrows of the panel body `root`, re-measured when `key` changes.
#[hook]
pub fn use_arrows<K: PartialEq + Clone + 'static>(root: NodeRef, key: K) -> Vec<Arrow> {
    let arrows = use_state_eq(Vec::new);
    let resized = use_state(|| 0_u32);
    {
        let (root, resized) = (root.clone(), resized.clone());
        use_effect_with((), move |()| {
            let bump = Closure::<dyn Fn()>::new(move || resized.set(resized.wrapping_add(1)));
            let observer = web_sys::ResizeObserver::new(bump.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, root.cast::<Element>()) {
                observer.observe(&element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(bump);
            }
        });
    }
    {
        let arrows = arrows.clone();
        use_effect_with((key, *resized), move |_| {
            if let Some(element) = root.cast::<Element>() {
                arrows.set(measure(&element));
            }
        });
    }
    (*arrows).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_enter_the_near_side_of_a_box() {
        let right = arrow((10.0, 50.0), 200.0, 300.0, 20.0);
        assert_eq!(right.head, (200.0, 32.0));
        assert!(right.path.starts_with("M10.0,50.0 C"));
        // A dot inside the boxes' column points back into the box's right edge.
        let back = arrow((250.0, 300.0), 200.0, 300.0, 20.0);
        assert_eq!(back.head, (300.0, 32.0));
    }
}
