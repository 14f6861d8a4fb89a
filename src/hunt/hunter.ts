// The hunt pipeline: events from inputs → profile → compiled rule set → detections.
import { RuleSet, type RuleCompileError } from '../engine/index.ts';
import { DetectionBuilder, type RuleDetection } from '../output/index.ts';
import { detectProfile, type Profile } from '../profiles/index.ts';
import type { SigmaFilter, SigmaRule } from '../sigma/index.ts';
import { openInput, type ReadOptions, type SourceEvent } from '../sources/index.ts';

export interface HunterOptions {
  rules: readonly SigmaRule[];
  filters?: readonly SigmaFilter[];
  /** A fixed profile, or undefined to pick one per event from its shape. */
  profile?: Profile;
  /** Receives each detection, in input order. */
  onDetection: (detection: RuleDetection) => void;
  /** Called once per input file with the profile of its first event. */
  onProfile?: (file: string, profile: Profile) => void;
  /** Called for each rule that cannot be compiled for a profile (once per rule and profile). */
  onRuleError?: (error: RuleCompileError, profile: Profile) => void;
  /** Awaited after each batch of events, so a slow output can hold the reading back. */
  afterBatch?: () => Promise<void> | void;
  /** Time each rule (see RuleSet.ruleProfile). */
  profileRules?: boolean;
}

interface ProfileState {
  ruleSet: RuleSet;
  builder: DetectionBuilder;
  events: number;
}

/** Runs rules over inputs. One rule set is compiled per profile the events need. */
export class Hunter {
  private readonly options: HunterOptions;
  private readonly states = new Map<Profile, ProfileState>();
  /** Events read per profile name. */
  readonly eventsByProfile = new Map<string, number>();

  constructor(options: HunterOptions) {
    this.options = options;
  }

  /** Returns the compiled state for a profile, building it on first use. */
  stateFor(profile: Profile): ProfileState {
    let state = this.states.get(profile);
    if (!state) {
      const ruleSet = new RuleSet(this.options.rules, profile, { filters: this.options.filters ?? [], profileRules: this.options.profileRules === true });
      for (const error of ruleSet.errors) this.options.onRuleError?.(error, profile);
      state = { ruleSet, builder: new DetectionBuilder(profile), events: 0 };
      this.states.set(profile, state);
    }
    return state;
  }

  /** Returns the rule sets compiled so far, one per profile. */
  ruleSets(): RuleSet[] {
    return [...this.states.values()].map((state) => state.ruleSet);
  }

  /** Matches one event and reports its detections. Returns the profile used. */
  huntEvent(item: SourceEvent): Profile {
    const profile = this.options.profile ?? detectProfile(item.event);
    const state = this.stateFor(profile);
    state.events++;
    for (const compiled of state.ruleSet.match(item.event)) {
      this.options.onDetection(state.builder.build(compiled.rule, item.event, item.position));
    }
    return profile;
  }

  /** Reads one input to its end. Returns the number of events read. */
  async huntInput(path: string, readOptions: ReadOptions): Promise<number> {
    return await this.huntBatches(openInput(path, readOptions));
  }

  /** Hunts batches of events of one input (or one part of it, in file order). Returns the number of events. */
  async huntBatches(batches: AsyncIterable<SourceEvent[]>): Promise<number> {
    let events = 0;
    for await (const batch of batches) {
      for (const item of batch) {
        const profile = this.huntEvent(item);
        if (events === 0) this.options.onProfile?.(item.position.file, profile);
        events++;
        this.eventsByProfile.set(profile.name, (this.eventsByProfile.get(profile.name) ?? 0) + 1);
      }
      await this.options.afterBatch?.();
    }
    return events;
  }
}
