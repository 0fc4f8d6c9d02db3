// Runs one kubernetes-models validator over a manifest and adds what the library leaves out: unknown fields.
//
// The OpenAPI and CRD schemas the models compile do not set `additionalProperties: false`, so ajv accepts a
// misspelled field (`readinessProbes`, `securityContex`) that the API server would drop or reject. kubeconform
// offers `-strict` for this; we get the same effect without a second copy of the schemas: ajv's generated code
// reads every property an object schema declares (`data.spec`, `data.replicas`, even when absent), so we hand it
// a proxy that records those reads. A key present in the manifest that the validator never read is a field the
// schema does not know. Objects the validator enumerates (maps such as labels, `additionalProperties` schemas)
// or never looks into (free-form schemas such as Helm `valuesObject`) are not judged.
import type { SchemaModel } from './supported-kinds';

interface ObjectReads {
  readonly pointer: string;
  readonly target: object;
  readonly readKeys: Set<string>;
  enumerated: boolean;
}

interface AjvError {
  readonly instancePath: string;
  readonly message?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON pointer segment (RFC 6901), the notation ajv uses in its own messages. */
function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isAjvError(value: unknown): value is AjvError {
  return isRecord(value) && typeof value.instancePath === 'string';
}

/** The ajv errors a model's `validate()` threw, one message per error ("/spec/replicas must be integer"). */
function schemaErrorMessages(thrown: unknown): string[] {
  if (isRecord(thrown) && Array.isArray(thrown.errors)) {
    const messages = thrown.errors
      .filter(isAjvError)
      .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
    if (messages.length > 0) return [...new Set(messages)];
  }
  return [thrown instanceof Error ? thrown.message : String(thrown)];
}

class ReadTracker {
  readonly objects: ObjectReads[] = [];

  track<T>(value: T, pointer: string): T {
    if (typeof value !== 'object' || value === null) return value;
    return Array.isArray(value) ? this.trackArray(value, pointer) : this.trackObject(value, pointer);
  }

  private trackArray<T extends object>(value: T, pointer: string): T {
    return new Proxy(value, {
      get: (target, key, receiver) => {
        const element: unknown = Reflect.get(target, key, receiver);
        return typeof key === 'string' && /^\d+$/.test(key)
          ? this.track(element, `${pointer}/${key}`)
          : element;
      },
    });
  }

  private trackObject<T extends object>(value: T, pointer: string): T {
    const reads: ObjectReads = { pointer, target: value, readKeys: new Set(), enumerated: false };
    this.objects.push(reads);
    return new Proxy(value, {
      get: (target, key, receiver) => {
        const field: unknown = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return field;
        reads.readKeys.add(key);
        return Object.hasOwn(target, key) ? this.track(field, `${pointer}/${pointerSegment(key)}`) : field;
      },
      has: (target, key) => {
        if (typeof key === 'string') reads.readKeys.add(key);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor: (target, key) => {
        if (typeof key === 'string') reads.readKeys.add(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys: (target) => {
        reads.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
  }

  unknownFields(): string[] {
    const unknown: string[] = [];
    for (const reads of this.objects) {
      // No reads at all: the schema does not describe this object's fields, so none can be called unknown.
      if (reads.enumerated || reads.readKeys.size === 0) continue;
      for (const key of Object.keys(reads.target)) {
        if (!reads.readKeys.has(key)) unknown.push(`${reads.pointer}/${pointerSegment(key)}`);
      }
    }
    return unknown.sort();
  }
}

/** Schema errors plus unknown fields, as "<JSON pointer> <problem>" messages; empty when the object is valid. */
export function checkAgainstSchema(model: SchemaModel, manifest: Record<string, unknown>): string[] {
  // The model's prototype is kept because older model bases look up their schema id on it; the constructor is
  // skipped because it would only copy the fields again (parsed YAML holds no undefined values to drop).
  const instance: object = Object.assign(Object.create(model.prototype) as object, manifest);
  const tracker = new ReadTracker();
  const tracked = tracker.track(instance, '');
  let schemaErrors: string[] = [];
  try {
    // Called with the proxy as `this`, the validator reads every field through it.
    model.prototype.validate.call(tracked);
  } catch (thrown) {
    schemaErrors = schemaErrorMessages(thrown);
  }
  const unknownFields = tracker
    .unknownFields()
    .map((pointer) => `${pointer} is not a field of ${model.apiVersion} ${model.kind} in its schema`);
  return [...schemaErrors, ...unknownFields];
}
