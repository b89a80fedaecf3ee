//! A `tracing` recorder for tests.
//!
//! One global subscriber (installed once per test binary) routes the spans and events of
//! a thread to the [`Recorder`] that thread installed, and drops everything else. A
//! global subscriber rather than `tracing::subscriber::set_default`: with thread-local
//! dispatchers, a callsite first reached on a thread without one can be cached as
//! uninteresting for every thread, and the recorder misses events.

#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

type FieldMap = HashMap<String, String>;

/// What one thread recorded.
#[derive(Clone, Default)]
pub struct Recorder {
    spans: Arc<Mutex<Vec<(&'static str, FieldMap)>>>,
    events: Arc<Mutex<Vec<(String, FieldMap)>>>,
}

thread_local! {
    static SINK: RefCell<Option<Recorder>> = const { RefCell::new(None) };
}

/// Uninstalls the thread's recorder when dropped.
pub struct Installed(());

impl Drop for Installed {
    fn drop(&mut self) {
        SINK.with(|s| s.borrow_mut().take());
    }
}

impl Recorder {
    /// A fresh recorder for this thread (run the async test on a current-thread runtime
    /// so that everything happens on it).
    pub fn install() -> (Recorder, Installed) {
        static GLOBAL: OnceLock<()> = OnceLock::new();
        GLOBAL.get_or_init(|| {
            tracing::subscriber::set_global_default(Router::default())
                .expect("no other global subscriber in this test binary");
        });
        let rec = Recorder::default();
        SINK.with(|s| *s.borrow_mut() = Some(rec.clone()));
        (rec, Installed(()))
    }

    /// Events whose message is `message`.
    pub fn count(&self, message: &str) -> usize {
        self.events
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, f)| f.get("message").map(String::as_str) == Some(message))
            .count()
    }

    /// The fields of the last span named `name`.
    pub fn span(&self, name: &str) -> FieldMap {
        self.spans
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| f.clone())
            .unwrap_or_default()
    }

    /// Everything recorded, as text.
    pub fn text(&self) -> String {
        format!(
            "{:?}\n{:?}",
            *self.spans.lock().unwrap(),
            *self.events.lock().unwrap()
        )
    }
}

struct Fields<'a>(&'a mut FieldMap);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0
            .insert(field.name().to_string(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.insert(field.name().to_string(), value.to_string());
    }
}

#[derive(Default)]
struct Router {
    next: AtomicU64,
    /// Span id → (its recorder, index in its `spans`).
    spans: Mutex<HashMap<u64, (Recorder, usize)>>,
}

impl tracing::Subscriber for Router {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, attrs: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let id = self.next.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(rec) = SINK.with(|s| s.borrow().clone()) {
            let mut fields = FieldMap::new();
            attrs.record(&mut Fields(&mut fields));
            let index = {
                let mut spans = rec.spans.lock().unwrap();
                spans.push((attrs.metadata().name(), fields));
                spans.len() - 1
            };
            self.spans.lock().unwrap().insert(id, (rec, index));
        }
        tracing::span::Id::from_u64(id)
    }

    fn record(&self, span: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let found = self.spans.lock().unwrap().get(&span.into_u64()).cloned();
        if let Some((rec, index)) = found
            && let Some((_, fields)) = rec.spans.lock().unwrap().get_mut(index)
        {
            values.record(&mut Fields(fields));
        }
    }

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        if let Some(rec) = SINK.with(|s| s.borrow().clone()) {
            let mut fields = FieldMap::new();
            event.record(&mut Fields(&mut fields));
            rec.events
                .lock()
                .unwrap()
                .push((event.metadata().target().to_string(), fields));
        }
    }

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}
