// Model numbers (millicores, MiB, GiB) as Kubernetes quantities.
import { Quantity } from 'cdk8s-plus-27/lib/imports/k8s';

export const millicores = (value: number): Quantity => Quantity.fromString(`${value}m`);
export const mebibytes = (value: number): Quantity => Quantity.fromString(`${value}Mi`);
export const gibibytes = (value: number): Quantity => Quantity.fromString(`${value}Gi`);
export const cores = (value: number): Quantity => Quantity.fromString(String(value));
export const count = (value: number): Quantity => Quantity.fromNumber(value);
