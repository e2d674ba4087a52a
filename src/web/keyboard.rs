//! Arrow keys move between the cells of the record table (Tab still works too).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Handles an arrow key pressed on a cell button: focuses the button of the
/// neighbouring cell (left, right, up, down), skipping rows without one.
pub fn move_focus(event: &KeyboardEvent) {
    let step: (i32, i32) = match event.key().as_str() {
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        "ArrowUp" => (-1, 0),
        "ArrowDown" => (1, 0),
        _ => return,
    };
    let Some(cell) = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("td, th").ok().flatten())
    else {
        return;
    };
    let Some(row) = cell.parent_element() else {
        return;
    };
    let column = index_in_parent(&cell);
    let next = match step {
        (0, dx) => sibling(&cell, dx),
        (dy, _) => {
            let mut r = sibling(&row, dy);
            // Skip error and header rows, which have a single wide cell.
            while let Some(candidate) = &r {
                if candidate.children().length() > 2 {
                    break;
                }
                r = sibling(candidate, dy);
            }
            r.and_then(|r| r.children().item(column))
        }
    };
    let button = next.and_then(|c| c.query_selector("button").ok().flatten());
    if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        event.prevent_default();
        let _ = button.focus();
    }
}

fn sibling(e: &Element, step: i32) -> Option<Element> {
    if step < 0 {
        e.previous_element_sibling()
    } else {
        e.next_element_sibling()
    }
}

fn index_in_parent(e: &Element) -> u32 {
    let mut i = 0;
    let mut at = e.previous_element_sibling();
    while let Some(prev) = at {
        i += 1;
        at = prev.previous_element_sibling();
    }
    i
}

/// Handles an arrow key (or Home / End) pressed on one of a row of buttons (the labeled
/// line's tokens): focuses the previous or next one, or the first or last.
pub fn move_along(event: &KeyboardEvent) {
    let Some(current) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(parent) = current.parent_element() else {
        return;
    };
    let next = match event.key().as_str() {
        "ArrowLeft" | "ArrowUp" => current.previous_element_sibling(),
        "ArrowRight" | "ArrowDown" => current.next_element_sibling(),
        "Home" => parent.first_element_child(),
        "End" => parent.last_element_child(),
        _ => return,
    };
    if let Some(button) = next.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        event.prevent_default();
        let _ = button.focus();
    }
}
