import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import type { Business } from '../../../shared/contract/businesses'

const STORAGE_KEY = 'promoledger.businessId'

interface BusinessChoice {
  businesses: Business[]
  business: Business
  select(id: number): void
}

const BusinessContext = createContext<BusinessChoice | null>(null)

/** Holds which business the user is looking at; every page reads and writes only its data. */
export function BusinessProvider({
  businesses,
  children,
}: {
  businesses: Business[]
  children: ReactNode
}) {
  const [selectedId, setSelectedId] = useState<number | null>(
    () => Number(localStorage.getItem(STORAGE_KEY)) || null,
  )
  const business = businesses.find((candidate) => candidate.id === selectedId) ?? businesses[0]
  const value = useMemo(
    () =>
      business
        ? {
            businesses,
            business,
            select: (id: number) => {
              localStorage.setItem(STORAGE_KEY, String(id))
              setSelectedId(id)
            },
          }
        : null,
    [business, businesses],
  )
  if (!value) return null
  return <BusinessContext.Provider value={value}>{children}</BusinessContext.Provider>
}

export function useBusinessChoice(): BusinessChoice {
  const choice = useContext(BusinessContext)
  if (!choice) throw new Error('useBusinessChoice outside BusinessProvider')
  return choice
}

export function useBusiness(): Business {
  return useBusinessChoice().business
}
