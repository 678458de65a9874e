import {
  AppBar,
  Box,
  Chip,
  Divider,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  MenuItem,
  Select,
  Toolbar,
  Typography,
} from '@mui/material'
import PointOfSaleIcon from '@mui/icons-material/PointOfSale'
import CampaignIcon from '@mui/icons-material/Campaign'
import InsightsIcon from '@mui/icons-material/Insights'
import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber'
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong'
import GroupsIcon from '@mui/icons-material/Groups'
import PaymentsIcon from '@mui/icons-material/Payments'
import GppMaybeIcon from '@mui/icons-material/GppMaybeOutlined'
import Inventory2Icon from '@mui/icons-material/Inventory2'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import SettingsIcon from '@mui/icons-material/Settings'
import AddIcon from '@mui/icons-material/Add'
import { Suspense, useState } from 'react'
import { NavLink, Outlet, useNavigate } from 'react-router'
import { BusinessDialog } from '../components/BusinessDialog'
import { isDesktop } from '../api-client'
import { useBusinessChoice } from './business-context'

const DRAWER_WIDTH = 220
const NEW_BUSINESS = -1

const NAV = [
  { to: '/checkout', label: 'Checkout', icon: <PointOfSaleIcon /> },
  { to: '/campaigns', label: 'Campaigns', icon: <CampaignIcon /> },
  { to: '/analytics', label: 'Analytics', icon: <InsightsIcon /> },
  { to: '/codes', label: 'Codes', icon: <ConfirmationNumberIcon /> },
  { to: '/redemptions', label: 'Redemptions', icon: <ReceiptLongIcon /> },
  { to: '/promoters', label: 'Promoters', icon: <GroupsIcon /> },
  { to: '/payouts', label: 'Payouts', icon: <PaymentsIcon /> },
  { to: '/fraud', label: 'Fraud', icon: <GppMaybeIcon /> },
  { to: '/products', label: 'Products', icon: <Inventory2Icon /> },
  { to: '/import', label: 'Import', icon: <UploadFileIcon /> },
  { to: '/settings', label: 'Settings', icon: <SettingsIcon /> },
]

/** The frame around every page: business switcher on top, sections on the left. */
export function AppShell() {
  const { businesses, business, select } = useBusinessChoice()
  const [creating, setCreating] = useState(false)
  const navigate = useNavigate()
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar
        position="fixed"
        color="inherit"
        elevation={0}
        sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}
      >
        <Toolbar sx={{ gap: 2 }}>
          <Typography
            variant="h6"
            component="div"
            sx={{ color: 'primary.main', width: DRAWER_WIDTH - 24 }}
          >
            Promoledger
          </Typography>
          <Select
            value={business.id}
            aria-label="Business"
            onChange={(event) => {
              const id = Number(event.target.value)
              if (id === NEW_BUSINESS) setCreating(true)
              else select(id)
            }}
            sx={{ minWidth: 260 }}
            renderValue={() => `${business.name} · ${business.currency}`}
          >
            {businesses.map((candidate) => (
              <MenuItem key={candidate.id} value={candidate.id}>
                {candidate.name}
                <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                  {candidate.currency} · {candidate.timeZone}
                </Typography>
              </MenuItem>
            ))}
            <Divider />
            <MenuItem value={NEW_BUSINESS}>
              <AddIcon fontSize="small" sx={{ mr: 1 }} /> New business…
            </MenuItem>
          </Select>
          <Box sx={{ flexGrow: 1 }} />
          <Typography variant="body2" color="text.secondary">
            {business.timeZone}
          </Typography>
          {!isDesktop && <Chip size="small" label="Browser mode" variant="outlined" />}
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': {
            width: DRAWER_WIDTH,
            boxSizing: 'border-box',
            borderRight: '1px solid #e3e7eb',
          },
        }}
      >
        <Toolbar />
        <List component="nav" aria-label="Sections" sx={{ px: 1 }}>
          {NAV.map((item) => (
            <ListItemButton
              key={item.to}
              component={NavLink}
              to={item.to}
              sx={{
                borderRadius: 1,
                mb: 0.5,
                '&.active': {
                  bgcolor: 'rgba(15,110,110,0.10)',
                  color: 'primary.main',
                  '& svg': { color: 'primary.main' },
                },
              }}
            >
              <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
              <ListItemText primary={item.label} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        <Suspense fallback={null}>
          <Outlet key={business.id} />
        </Suspense>
      </Box>
      {creating && (
        <BusinessDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false)
            select(created.id)
            void navigate('/settings')
          }}
        />
      )}
    </Box>
  )
}
