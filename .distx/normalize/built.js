export function baseRow(key, kind, name, at) {
    return { key, kind, name, values: {}, sources: {}, at };
}
export const compact = (s) => s.replace(/\s+/g, '');
