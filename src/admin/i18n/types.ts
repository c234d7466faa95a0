/** The shape a translation must have: the same keys as the English one, any strings. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

/** English plural forms (_one/_other) become one plain key in Chinese. */
export type WithoutPlurals<T> = {
  [K in keyof T as K extends `${infer B}_one` ? B : K extends `${string}_other` ? never : K]: T[K] extends string
    ? string
    : WithoutPlurals<T[K]>
}

export type ChineseOf<T> = Strings<WithoutPlurals<T>>
