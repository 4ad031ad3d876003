//! The Runner's bookkeeping as a pure state machine: which runs wait, which
//! one the worker has, and what to tell whom. crate::runner does the I/O
//! (the Worker, the callbacks) by carrying out the [`Effect`]s.

use std::{
    collections::{HashSet, VecDeque},
    rc::Rc,
};

use pyplay_protocol::{CheckSpec, FromWorker, RunId, ToWorker};

use crate::runner::{EngineStatus, RunEvent};

/// What the Runner must do after a step.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Post(ToWorker),
    /// Tell run `RunId`'s snippet; a final event is its last.
    Emit(RunId, RunEvent),
    /// Terminate the worker and start a new one.
    Respawn,
    Status(EngineStatus),
}

/// What a run does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// Run code that reads `stdin`, continuing the last such run's
    /// variables with `keep_globals`.
    Run { code: String, stdin: String, keep_globals: bool },
    /// Run an exercise's code, then its hidden checks.
    Check { code: String, checks: Vec<CheckSpec> },
    /// Run code under the tracer, recording at most `max_steps` steps.
    Visualize { code: String, stdin: String, max_steps: u32 },
}

impl Job {
    fn into_message(self, id: RunId) -> ToWorker {
        match self {
            Self::Run { code, stdin, keep_globals } => ToWorker::Run { id, code, stdin, keep_globals },
            Self::Check { code, checks } => ToWorker::Check { id, code, checks },
            Self::Visualize { code, stdin, max_steps } => ToWorker::Visualize { id, code, stdin, max_steps },
        }
    }
}

struct Queued {
    id: RunId,
    job: Job,
}

pub struct RunQueue {
    /// The worker has loaded and can take a run.
    ready: bool,
    next_id: RunId,
    queue: VecDeque<Queued>,
    /// The run the worker has now.
    active: Option<RunId>,
    /// Runs whose snippet still listens: submitted, not yet over.
    live: HashSet<RunId>,
}

impl Default for RunQueue {
    fn default() -> Self {
        Self { ready: false, next_id: 1, queue: VecDeque::new(), active: None, live: HashSet::new() }
    }
}

impl RunEvent {
    /// The last event a run sends.
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Finished { .. } | Self::Stopped | Self::Crashed(_))
    }
}

impl RunQueue {
    /// Queues a run; [`Self::pump`] sends it when the worker is free.
    pub fn submit(&mut self, job: Job) -> RunId {
        let id = self.next_id;
        self.next_id += 1;
        self.queue.push_back(Queued { id, job });
        self.live.insert(id);
        id
    }

    /// Sends the next queued run if the worker is ready and idle.
    pub fn pump(&mut self) -> Vec<Effect> {
        if !self.ready || self.active.is_some() {
            return Vec::new();
        }
        let Some(Queued { id, job }) = self.queue.pop_front() else { return Vec::new() };
        self.active = Some(id);
        let mut effects = vec![Effect::Post(job.into_message(id))];
        effects.extend(self.emit(id, RunEvent::Started));
        effects
    }

    /// Stops run `id`: a queued run is dropped; a running one loses its
    /// worker, since Python in the worker never yields to read a message.
    pub fn stop(&mut self, id: RunId) -> Vec<Effect> {
        self.queue.retain(|queued| queued.id != id);
        let mut effects = Vec::new();
        if self.active == Some(id) {
            effects.push(Effect::Respawn);
        }
        effects.extend(self.emit(id, RunEvent::Stopped));
        effects
    }

    /// A new worker is starting: it is not ready, and has no run.
    pub fn spawned(&mut self) -> Vec<Effect> {
        self.ready = false;
        self.active = None;
        vec![Effect::Status(EngineStatus::Loading)]
    }

    /// Whether no run is waiting or running.
    pub fn is_idle(&self) -> bool {
        self.active.is_none() && self.queue.is_empty()
    }

    /// The idle worker was terminated to make room (crate::pool): the next
    /// run waits for a new one. Unlike [`Self::spawned`], says nothing.
    pub fn retired(&mut self) {
        self.ready = false;
        self.active = None;
    }

    /// The worker died: its run is over, and a new worker takes the queue.
    pub fn crashed(&mut self, why: String) -> Vec<Effect> {
        let active = self.active.take();
        let mut effects = vec![Effect::Respawn];
        effects.extend(active.and_then(|id| self.emit(id, RunEvent::Crashed(why))));
        effects
    }

    pub fn on_message(&mut self, msg: FromWorker) -> Vec<Effect> {
        match msg {
            FromWorker::Ready { init_ms } => {
                self.ready = true;
                let mut effects = vec![Effect::Status(EngineStatus::Ready { init_ms })];
                effects.extend(self.pump());
                effects
            }
            FromWorker::Output { id, stream, text } => {
                self.emit(id, RunEvent::Output(stream, text)).into_iter().collect()
            }
            FromWorker::Skipped { id, bytes } => {
                self.emit(id, RunEvent::Skipped(bytes)).into_iter().collect()
            }
            FromWorker::WantsInput { id, token } => {
                self.emit(id, RunEvent::WantsInput(token)).into_iter().collect()
            }
            FromWorker::Checked { id, results } => {
                self.emit(id, RunEvent::Checked(results)).into_iter().collect()
            }
            FromWorker::Traced { id, trace } => {
                self.emit(id, RunEvent::Traced(Rc::new(trace))).into_iter().collect()
            }
            FromWorker::Done { id, error, exit_status, elapsed_ms } => {
                if self.active == Some(id) {
                    self.active = None;
                }
                let mut effects: Vec<_> = self
                    .emit(id, RunEvent::Finished { error, exit_status, elapsed_ms })
                    .into_iter()
                    .collect();
                effects.extend(self.pump());
                effects
            }
        }
    }

    /// An event for a run that still listens; its last one ends that.
    fn emit(&mut self, id: RunId, event: RunEvent) -> Option<Effect> {
        let live = if event.is_final() { self.live.remove(&id) } else { self.live.contains(&id) };
        live.then_some(Effect::Emit(id, event))
    }
}

#[cfg(test)]
mod tests {
    use pyplay_protocol::Stream;

    use super::*;

    fn job(code: &str) -> Job {
        Job::Run { code: code.into(), stdin: String::new(), keep_globals: false }
    }

    fn ready(q: &mut RunQueue) -> Vec<Effect> {
        q.on_message(FromWorker::Ready { init_ms: 1.0 })
    }

    fn done(id: RunId) -> FromWorker {
        FromWorker::Done { id, error: None, exit_status: 0, elapsed_ms: 2.0 }
    }

    fn posted(effects: &[Effect]) -> Vec<RunId> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Post(ToWorker::Run { id, .. } | ToWorker::Check { id, .. }) => Some(*id),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn runs_wait_for_the_worker_and_go_one_at_a_time() {
        let mut q = RunQueue::default();
        let (a, b) = (q.submit(job("1")), q.submit(job("2")));
        assert_eq!(q.pump(), Vec::new(), "not ready yet");
        let effects = ready(&mut q);
        assert_eq!(effects[0], Effect::Status(EngineStatus::Ready { init_ms: 1.0 }));
        assert_eq!(posted(&effects), vec![a]);
        assert!(effects.contains(&Effect::Emit(a, RunEvent::Started)));
        assert_eq!(q.pump(), Vec::new(), "the worker is busy");
        let effects = q.on_message(done(a));
        assert!(matches!(effects[0], Effect::Emit(id, RunEvent::Finished { .. }) if id == a));
        assert_eq!(posted(&effects), vec![b]);
    }

    #[test]
    fn output_goes_to_its_run_and_nothing_follows_the_last_event() {
        let mut q = RunQueue::default();
        let a = q.submit(job(""));
        ready(&mut q);
        let out = FromWorker::Output { id: a, stream: Stream::Stdout, text: "x".into() };
        assert_eq!(
            q.on_message(out.clone()),
            vec![Effect::Emit(a, RunEvent::Output(Stream::Stdout, "x".into()))]
        );
        q.on_message(done(a));
        assert_eq!(q.on_message(out), Vec::new());
        assert_eq!(q.on_message(done(a)), Vec::new());
    }

    #[test]
    fn stopping_a_running_run_replaces_the_worker_and_keeps_the_queue() {
        let mut q = RunQueue::default();
        let (a, b) = (q.submit(job("")), q.submit(job("")));
        ready(&mut q);
        assert_eq!(q.stop(a), vec![Effect::Respawn, Effect::Emit(a, RunEvent::Stopped)]);
        assert_eq!(q.spawned(), vec![Effect::Status(EngineStatus::Loading)]);
        assert_eq!(posted(&ready(&mut q)), vec![b]);
    }

    #[test]
    fn a_retired_worker_is_idle_and_the_next_run_waits_for_a_new_one() {
        let mut q = RunQueue::default();
        let a = q.submit(job(""));
        assert!(!q.is_idle());
        ready(&mut q);
        q.on_message(done(a));
        assert!(q.is_idle());
        q.retired();
        let b = q.submit(job(""));
        assert_eq!(q.pump(), Vec::new(), "no worker");
        q.spawned();
        assert_eq!(posted(&ready(&mut q)), vec![b]);
    }

    #[test]
    fn a_check_reports_its_results_before_it_ends() {
        let mut q = RunQueue::default();
        let spec = CheckSpec { call: "f()".into(), expected: "1".into() };
        let a = q.submit(Job::Check { code: "def f(): return 1".into(), checks: vec![spec.clone()] });
        let effects = ready(&mut q);
        assert!(effects.contains(&Effect::Post(ToWorker::Check {
            id: a,
            code: "def f(): return 1".into(),
            checks: vec![spec]
        })));
        let results = FromWorker::Checked { id: a, results: Vec::new() };
        assert_eq!(q.on_message(results), vec![Effect::Emit(a, RunEvent::Checked(Vec::new()))]);
    }

    #[test]
    fn stopping_a_queued_run_only_drops_it() {
        let mut q = RunQueue::default();
        let (a, b) = (q.submit(job("")), q.submit(job("")));
        ready(&mut q);
        assert_eq!(q.stop(b), vec![Effect::Emit(b, RunEvent::Stopped)]);
        assert_eq!(posted(&q.on_message(done(a))), Vec::<RunId>::new());
        assert_eq!(q.stop(b), Vec::new(), "a second Stop says nothing");
    }

    #[test]
    fn a_crash_ends_the_active_run_and_the_next_worker_takes_the_rest() {
        let mut q = RunQueue::default();
        let (a, b) = (q.submit(job("")), q.submit(job("")));
        ready(&mut q);
        assert_eq!(
            q.crashed("trap".into()),
            vec![Effect::Respawn, Effect::Emit(a, RunEvent::Crashed("trap".into()))]
        );
        q.spawned();
        assert_eq!(posted(&ready(&mut q)), vec![b]);
        // A crash with no run in progress only replaces the worker.
        q.on_message(done(b));
        assert_eq!(q.crashed("again".into()), vec![Effect::Respawn]);
    }
}
