//! The host's bookkeeping for an interpreter shared by the embeds of a page
//! (crate::shared does the I/O): the runs of all clients, taken in turns
//! (one run per client per turn, so a client with many runs cannot starve
//! the others), each client's run ids mapped to one sequence for the worker,
//! and what a Stop or a crash does to whom.

use std::collections::{HashMap, VecDeque};

use pyplay_protocol::{
    FromWorker, RunId, ToWorker,
    channels::shared::{ClientId, FromHost},
};

/// What the host must do after a step.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEffect {
    /// To the interpreter.
    Post(ToWorker),
    /// To the clients.
    Send(FromHost),
    /// Terminate the interpreter and start a new one.
    Respawn,
}

/// The run the interpreter has now.
#[derive(Debug, Clone, PartialEq)]
struct Active {
    id: RunId,
    client: ClientId,
    client_id: RunId,
}

#[derive(Default)]
pub struct SharedQueue {
    /// Some once the interpreter takes runs: how long it took to start.
    ready: Option<f64>,
    next_id: RunId,
    /// Clients with waiting runs, in the order of their next turn.
    turns: VecDeque<ClientId>,
    waiting: HashMap<ClientId, VecDeque<ToWorker>>,
    active: Option<Active>,
}

impl SharedQueue {
    /// A client asks whether the interpreter takes runs.
    pub fn hello(&self, client: ClientId) -> Vec<HostEffect> {
        self.ready.map(|init_ms| self.ready_for(client, init_ms)).into_iter().collect()
    }

    /// Queues a client's run (numbered by the client).
    pub fn submit(&mut self, client: ClientId, msg: ToWorker) -> Vec<HostEffect> {
        let runs = self.waiting.entry(client.clone()).or_default();
        runs.push_back(msg);
        if runs.len() == 1 {
            self.turns.push_back(client);
        }
        self.pump()
    }

    /// Drops every run of `client`; a running one takes the interpreter
    /// with it (nothing else can stop Python), and the others' runs wait
    /// for the next one.
    pub fn reset(&mut self, client: ClientId) -> Vec<HostEffect> {
        self.waiting.remove(&client);
        self.turns.retain(|c| *c != client);
        if self.active.as_ref().is_some_and(|a| a.client == client) {
            self.active = None;
            return self.replace();
        }
        self.hello(client)
    }

    /// The interpreter died (a trap); its run's client is told.
    pub fn crashed(&mut self, why: String) -> Vec<HostEffect> {
        let cut = self.active.take();
        let mut effects = self.replace();
        if let Some(Active { client, client_id, .. }) = cut {
            effects.push(HostEffect::Send(FromHost::Cut { client, id: client_id, why }));
        }
        effects
    }

    pub fn on_worker(&mut self, msg: FromWorker) -> Vec<HostEffect> {
        let Some(id) = msg.id() else {
            // Ready: every client may send now.
            let FromWorker::Ready { init_ms } = msg else { return Vec::new() };
            self.ready = Some(init_ms);
            let mut effects = vec![HostEffect::Send(FromHost::Ready { init_ms })];
            effects.extend(self.pump());
            return effects;
        };
        let Some(active) = self.active.clone().filter(|a| a.id == id) else { return Vec::new() };
        let done = matches!(msg, FromWorker::Done { .. });
        let mut effects = vec![HostEffect::Send(FromHost::To {
            client: active.client,
            msg: msg.with_id(active.client_id),
        })];
        if done {
            self.active = None;
            effects.extend(self.pump());
        }
        effects
    }

    /// The client whose run the interpreter has now, if any.
    #[cfg(test)]
    fn running_for(&self) -> Option<&str> {
        self.active.as_ref().map(|a| a.client.as_str())
    }

    fn ready_for(&self, client: ClientId, init_ms: f64) -> HostEffect {
        HostEffect::Send(FromHost::To { client, msg: FromWorker::Ready { init_ms } })
    }

    fn replace(&mut self) -> Vec<HostEffect> {
        self.ready = None;
        vec![HostEffect::Respawn, HostEffect::Send(FromHost::Loading)]
    }

    fn pump(&mut self) -> Vec<HostEffect> {
        if self.ready.is_none() || self.active.is_some() {
            return Vec::new();
        }
        let Some(client) = self.turns.pop_front() else { return Vec::new() };
        let runs = self.waiting.get_mut(&client).expect("a client in turns has runs");
        let msg = runs.pop_front().expect("a client in turns has runs");
        if runs.is_empty() {
            self.waiting.remove(&client);
        } else {
            self.turns.push_back(client.clone());
        }
        self.next_id += 1;
        let id = self.next_id;
        self.active = Some(Active { id, client, client_id: msg.id() });
        vec![HostEffect::Post(msg.with_id(id))]
    }
}

#[cfg(test)]
mod tests {
    use pyplay_protocol::Stream;

    use super::*;

    fn run(id: RunId, code: &str) -> ToWorker {
        ToWorker::Run { id, code: code.into(), stdin: String::new(), keep_globals: false }
    }

    fn ready(q: &mut SharedQueue) -> Vec<HostEffect> {
        q.on_worker(FromWorker::Ready { init_ms: 5.0 })
    }

    fn done(id: RunId) -> FromWorker {
        FromWorker::Done { id, error: None, exit_status: 0, elapsed_ms: 1.0 }
    }

    /// The code of each run posted to the interpreter, with its id there.
    fn posted(effects: &[HostEffect]) -> Vec<(RunId, String)> {
        effects
            .iter()
            .filter_map(|e| match e {
                HostEffect::Post(ToWorker::Run { id, code, .. }) => Some((*id, code.clone())),
                _ => None,
            })
            .collect()
    }

    fn to(client: &str, msg: FromWorker) -> HostEffect {
        HostEffect::Send(FromHost::To { client: client.into(), msg })
    }

    #[test]
    fn clients_take_turns_one_run_each() {
        let mut q = SharedQueue::default();
        q.submit("a".into(), run(1, "a1"));
        q.submit("a".into(), run(2, "a2"));
        q.submit("a".into(), run(3, "a3"));
        q.submit("b".into(), run(1, "b1"));
        let first = posted(&ready(&mut q));
        assert_eq!(first, vec![(1, "a1".to_string())]);
        let mut order = Vec::new();
        let mut id = 1;
        for _ in 0..3 {
            let next = posted(&q.on_worker(done(id)));
            id = next[0].0;
            order.push(next[0].1.clone());
        }
        assert_eq!(order, ["b1", "a2", "a3"], "b's one run is not stuck behind all of a's");
    }

    #[test]
    fn output_goes_to_its_client_under_the_clients_own_id() {
        let mut q = SharedQueue::default();
        ready(&mut q);
        let effects = q.submit("a".into(), run(7, "x"));
        let (id, _) = posted(&effects)[0];
        let out = FromWorker::Output { id, stream: Stream::Stdout, text: "hi".into() };
        assert_eq!(
            q.on_worker(out),
            vec![to("a", FromWorker::Output { id: 7, stream: Stream::Stdout, text: "hi".into() })]
        );
        // A late message of a run that is no longer active goes nowhere.
        q.on_worker(done(id));
        let stale = FromWorker::Output { id, stream: Stream::Stdout, text: "late".into() };
        assert_eq!(q.on_worker(stale), Vec::new());
    }

    #[test]
    fn ready_is_answered_when_known_and_told_to_everybody_when_it_comes() {
        let mut q = SharedQueue::default();
        assert_eq!(q.hello("a".into()), Vec::new());
        q.submit("b".into(), run(1, "b"));
        let effects = ready(&mut q);
        assert_eq!(effects[0], HostEffect::Send(FromHost::Ready { init_ms: 5.0 }));
        assert_eq!(posted(&effects), vec![(1, "b".to_string())]);
        assert_eq!(q.hello("a".into()), vec![to("a", FromWorker::Ready { init_ms: 5.0 })]);
    }

    #[test]
    fn stop_replaces_the_interpreter_and_the_other_clients_runs_survive() {
        let mut q = SharedQueue::default();
        ready(&mut q);
        q.submit("a".into(), run(1, "while True: pass"));
        q.submit("b".into(), run(1, "print(2)"));
        q.submit("a".into(), run(2, "a's next"));
        assert_eq!(q.running_for(), Some("a"));
        assert_eq!(q.reset("a".into()), vec![HostEffect::Respawn, HostEffect::Send(FromHost::Loading)]);
        assert_eq!(q.submit("c".into(), run(1, "c")), Vec::new(), "nothing runs until the new one is ready");
        assert_eq!(posted(&ready(&mut q)), vec![(2, "print(2)".to_string())]);
        let next = posted(&q.on_worker(done(2)));
        assert_eq!(next, vec![(3, "c".to_string())], "a's queued run went with its Stop");
    }

    #[test]
    fn a_reset_of_an_idle_client_drops_its_queue_and_keeps_the_interpreter() {
        let mut q = SharedQueue::default();
        ready(&mut q);
        q.submit("a".into(), run(1, "a1"));
        q.submit("b".into(), run(1, "b1"));
        assert_eq!(q.reset("b".into()), vec![to("b", FromWorker::Ready { init_ms: 5.0 })]);
        assert_eq!(posted(&q.on_worker(done(1))), Vec::new());
    }

    #[test]
    fn a_crash_cuts_only_the_running_client_and_the_queue_waits() {
        let mut q = SharedQueue::default();
        ready(&mut q);
        q.submit("a".into(), run(4, "boom"));
        q.submit("b".into(), run(1, "b1"));
        let effects = q.crashed("trap".into());
        assert_eq!(
            effects,
            vec![
                HostEffect::Respawn,
                HostEffect::Send(FromHost::Loading),
                HostEffect::Send(FromHost::Cut { client: "a".into(), id: 4, why: "trap".into() }),
            ]
        );
        assert_eq!(posted(&ready(&mut q)), vec![(2, "b1".to_string())]);
    }
}
